namespace Relay.Server.Tests.Diagnostics;

/// <summary>Locates files of the repository (ops/, docs/, loadtest/) from the test's output directory.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "Relay.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"Relay.sln not found above {AppContext.BaseDirectory}");
    }
}
