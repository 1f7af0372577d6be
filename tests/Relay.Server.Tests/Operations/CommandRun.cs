using System.CommandLine;
using Relay.Server.Commands;

namespace Relay.Server.Tests.Operations;

/// <summary>Runs a <c>relay</c> command line in-process, as Program.cs does, capturing standard output and error.</summary>
internal sealed record CommandRun(int ExitCode, string Output, string Error)
{
    public static async Task<CommandRun> RunAsync(params string[] args)
    {
        var root = new RootCommand { ExportCommand.Create(), ImportCommand.Create(), DbCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new CommandRun(exitCode, output.ToString(), error.ToString());
    }
}
