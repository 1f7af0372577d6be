using System.CommandLine;
using System.Reflection;

namespace Relay.Server.Commands;

/// <summary><c>relay version</c>: prints the informational version of this build.</summary>
internal static class VersionCommand
{
    public static string Version { get; } =
        typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? "0.0.0";

    public static Command Create()
    {
        var command = new Command("version", "Print the relay's version.");
        command.SetAction(parseResult => parseResult.InvocationConfiguration.Output.WriteLine(Version));
        return command;
    }
}
