using System.CommandLine;

// relay-load: measures a Nostr relay from outside (see loadtest/README.md). Scenarios are added
// as subcommands in Scenarios/.
var root = new RootCommand("Load generator for Nostr relays (loopback only).");
return await root.Parse(args).InvokeAsync();
