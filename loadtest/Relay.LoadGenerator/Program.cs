using System.CommandLine;
using Relay.LoadGenerator.Cli;

// relay-load: measures a Nostr relay from outside, over our own WebSocket client (see loadtest/README.md).
var root = new RootCommand("Load generator for Nostr relays: ingest, fan-out, REQ latency, idle connections.")
{
    PublishCommand.Create(),
    FanoutCommand.Create(),
    ReqCommand.Create(),
    SeedCommand.Create(),
    ConnectHoldCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
