using System.CommandLine;
using System.Net;
using Relay.Server.Echo;

namespace Relay.Server.Commands;

/// <summary><c>relay echo --listen 127.0.0.1:9001</c>: the WebSocket echo server used for conformance testing.</summary>
internal static class EchoCommand
{
    public static Command Create()
    {
        var listen = new Option<string>("--listen")
        {
            Description = "Address and port to listen on, e.g. 127.0.0.1:9001 or [::1]:9001 (port 0 picks a free one).",
            DefaultValueFactory = _ => "127.0.0.1:9001",
        };
        var command = new Command("echo", "Run a WebSocket echo server on every path (our RFC 6455 codec, 16 MiB messages).") { listen };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var value = parseResult.GetValue(listen)!;
            if (!TryParseEndPoint(value, out var endPoint))
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"relay echo: invalid --listen '{value}'; expected host:port.").ConfigureAwait(false);
                return 2;
            }

            await using var server = await EchoServer.StartAsync(endPoint, EchoServer.CreateOptions(), cancellationToken).ConfigureAwait(false);
            // Tests and scripts read this line to learn the bound port.
            await output.WriteLineAsync($"relay echo: listening on {server.Address}").ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            await server.WaitAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    internal static bool TryParseEndPoint(string value, out IPEndPoint endPoint)
    {
        if (IPEndPoint.TryParse(value, out endPoint!) && value.Contains(':', StringComparison.Ordinal))
            return true;
        var colon = value.LastIndexOf(':');
        if (colon > 0 && value[..colon].Equals("localhost", StringComparison.OrdinalIgnoreCase)
            && ushort.TryParse(value[(colon + 1)..], out var port))
        {
            endPoint = new IPEndPoint(IPAddress.Loopback, port);
            return true;
        }

        return false;
    }
}
