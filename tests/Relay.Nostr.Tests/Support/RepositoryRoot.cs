namespace Relay.Nostr.Tests.Support;

/// <summary>Finds the repository checkout the tests run from (the folder holding Relay.sln).</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Relay.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Relay.sln not found above {AppContext.BaseDirectory}.");
    }
}
