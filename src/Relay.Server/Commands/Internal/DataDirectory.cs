using System.CommandLine;
using Relay.Storage.Sqlite;

namespace Relay.Server.Commands.Internal;

/// <summary>
/// The <c>--data DIR</c> option shared by every command that opens the database, with <c>relay serve</c>'s name and
/// default, so <c>relay export</c>, <c>import</c> and <c>db backup</c> find the database the relay serves from:
/// <c>DIR/relay.db</c> (<see cref="EventStoreOptions.DefaultFileName"/>).
/// </summary>
internal static class DataDirectory
{
    /// <summary>Default data directory, relative to the working directory (the container passes <c>--data /data</c>).</summary>
    public const string Default = "./data";

    public static Option<string> CreateOption() => new("--data")
    {
        Description = $"Data directory of the relay; the database is DIR/{EventStoreOptions.DefaultFileName}.",
        HelpName = "DIR",
        DefaultValueFactory = _ => Default,
    };

    public static EventStoreOptions StoreOptions(string directory) => new() { DataDirectory = directory };

    /// <summary>
    /// The store options of an existing database, or false with the reason written to <paramref name="error"/>:
    /// reading commands must not create an empty database where the operator mistyped the directory.
    /// </summary>
    public static bool TryFindExisting(string directory, string command, TextWriter error, out EventStoreOptions options)
    {
        options = StoreOptions(directory);
        if (File.Exists(options.DatabasePath))
        {
            return true;
        }

        error.WriteLine(
            $"relay {command}: no database at {Path.GetFullPath(options.DatabasePath)}; " +
            "pass the relay's data directory with --data DIR.");
        return false;
    }
}
