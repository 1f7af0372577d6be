namespace Relay.Storage.Sqlite.Tests.Support;

/// <summary>Unique directories under the system temp folder, so parallel test runs never share files.</summary>
internal static class TempDirectory
{
    public static string Create()
    {
        var path = Path.Combine(Path.GetTempPath(), "relay-storage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file still open by a failed test is left for the OS to clean.
        }
    }
}
