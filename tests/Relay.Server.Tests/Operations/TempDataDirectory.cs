using Relay.Storage.Sqlite;

namespace Relay.Server.Tests.Operations;

/// <summary>A fresh directory under the system temp dir, deleted on dispose: one per test, so tests run in parallel.</summary>
internal sealed class TempDataDirectory : IDisposable
{
    public TempDataDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "relay-ops-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>The relay's data directory inside it (not created: commands must find or create it themselves).</summary>
    public string Data => System.IO.Path.Combine(Path, "data");

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public EventStoreOptions StoreOptions => new() { DataDirectory = Data };

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a failed test: leave it to the OS temp cleaner rather than hide the failure.
        }
    }
}
