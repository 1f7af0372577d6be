using System.CommandLine;
using Relay.Server.Configuration;
using Relay.Server.Hosting;

namespace Relay.Server.Commands;

/// <summary>
/// <c>relay serve [--listen host:port] [--data DIR] [--config FILE] [--Section:Key=value ...]</c>: the Nostr relay.
/// Settings come from flags, then <c>RELAY_*</c> environment variables, then the config file, then defaults.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var listen = new Option<string?>("--listen") { Description = "Address and port to listen on (default 0.0.0.0:7777; port 0 picks a free one)." };
        var data = new Option<string?>("--data") { Description = "Directory of the SQLite database (default ./data, created if missing)." };
        var config = new Option<string?>("--config") { Description = "JSON configuration file (keys as in docs/configuration.md)." };
        var metricsListen = new Option<string?>("--metrics-listen")
        {
            Description = "Serve /metrics on this host:port instead of the relay's own port (e.g. a private address).",
        };
        var command = new Command("serve", "Run the Nostr relay.") { listen, data, config, metricsListen };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var flags = new List<string>();
            if (parseResult.GetValue(listen) is { } l)
                flags.AddRange(["--listen", l]);
            if (parseResult.GetValue(data) is { } d)
                flags.AddRange(["--data", d]);
            if (parseResult.GetValue(metricsListen) is { } m)
                flags.AddRange(["--metrics-listen", m]);
            flags.AddRange(parseResult.UnmatchedTokens);

            RelayOptions options;
            try
            {
                options = RelayConfiguration.Load(flags, parseResult.GetValue(config));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or IOException)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"relay serve: {e.Message}").ConfigureAwait(false);
                return 2;
            }

            await using var host = await RelayHost.StartAsync(options, cancellationToken).ConfigureAwait(false);
            var output = parseResult.InvocationConfiguration.Output;
            // Tests and scripts read this line to learn the bound port.
            await output.WriteLineAsync($"relay serve: listening on {host.Address}").ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            await host.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
