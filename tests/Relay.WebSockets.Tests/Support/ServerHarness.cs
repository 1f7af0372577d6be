using Relay.WebSockets.Compression;
using Relay.WebSockets.Internal;

namespace Relay.WebSockets.Tests.Support;

/// <summary>Runs a server-role connection over scripted client bytes and records what it did.</summary>
public static class ServerHarness
{
    public static readonly WebSocketConnectionOptions SmallLimits = new() { MaxMessageSize = 64 * 1024, MaxFrameSize = 64 * 1024 };

    public sealed record Run(IReadOnlyList<(WebSocketMessageType Type, string Hex)> Messages, IReadOnlyList<Frames.Decoded> Sent,
        WebSocketCloseResult Result, IReadOnlyList<Relay.WebSockets.Framing.FrameError> Errors)
    {
        public Frames.Decoded CloseSent => Sent.Single(frame => frame.Opcode == Frames.Close);

        public string[] Texts => Messages.Select(message => System.Text.Encoding.UTF8.GetString(Convert.FromHexString(message.Hex))).ToArray();

        /// <summary>Structural comparison: runs over different splits must be indistinguishable.</summary>
        public string Describe() =>
            string.Join(";", Messages.Select(m => $"{m.Type}:{m.Hex}")) + "|"
            + string.Join(";", Sent.Select(f => $"{f.Fin}/{f.Reserved}/{f.Opcode}/{f.Masked}/{Convert.ToHexString(f.Payload)}")) + "|"
            + Result + "|" + string.Join(",", Errors);
    }

    public static async Task<Run> RunAsync(byte[][] pieces, WebSocketConnectionOptions? options = null, PerMessageDeflateParameters? deflate = null)
    {
        var stream = new ScriptedStream(pieces);
        var observer = new RecordingObserver();
        var connection = new WebSocketConnection(new StreamTransport(stream, waitsForPeerToCloseFirst: false), isServer: true,
            options ?? SmallLimits, deflate, subProtocol: null, observer, time: null);
        await using (connection)
        {
            var messages = new List<(WebSocketMessageType, string)>();
            for (var i = 0; i < 10_000; i++)
            {
                var message = await connection.ReceiveAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
                if (message.IsClose)
                    break;
                messages.Add((message.Type, Convert.ToHexString(message.Payload.Span)));
            }

            var result = await connection.Completion.WaitAsync(TimeSpan.FromSeconds(10));
            return new Run(messages, Frames.Decode(stream.Written), result, observer.ProtocolErrors.ToList());
        }
    }

    /// <summary>Runs the input whole, split in two at every offset and byte by byte; all runs must agree.</summary>
    public static async Task<Run> RunEverySplitAsync(byte[] input, WebSocketConnectionOptions? options = null, PerMessageDeflateParameters? deflate = null)
    {
        Run? first = null;
        foreach (var pieces in Splits.Of(input))
        {
            var run = await RunAsync(pieces, options, deflate);
            first ??= run;
            Assert.Equal(first.Describe(), run.Describe());
        }

        return first!;
    }
}
