using System.CommandLine;
using Relay.Server.Commands;

// The `relay` executable. Each subcommand lives in Commands/<Name>Command.cs and is listed here.
var root = new RootCommand("Relay: a Nostr relay server.")
{
    ServeCommand.Create(),
    VersionCommand.Create(),
    HealthCommand.Create(),
    EchoCommand.Create(),
    ExportCommand.Create(),
    ImportCommand.Create(),
    DbCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
