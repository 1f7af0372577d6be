using System.Text;
using Relay.WebSockets.Client;
using Relay.WebSockets.Framing;
using Relay.WebSockets.Hosting;
using Relay.WebSockets.Tests.Support;
using static Relay.WebSockets.Tests.Support.PeerProcess;

namespace Relay.WebSockets.Tests.Integration;

/// <summary>
/// Our server on a loopback port against Debian's python3-websockets and npm's ws, and our client against their
/// servers (scripts in tests/python and tests/js).
/// </summary>
public class IndependentPeerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static WebSocketServerOptions ServerOptions(RecordingObserver observer) => new()
    {
        Observer = observer,
        Connection = new WebSocketConnectionOptions { MaxMessageSize = 16 << 20, MaxFrameSize = 16 << 20, MaxPendingOutboundBytes = 64 << 20 },
    };

    private static async Task<RecordingObserver> RunClientScenarioAsync(Peer peer, string scenario, Func<WebSocketConnection, Task>? session = null)
    {
        var observer = new RecordingObserver();
        await using var server = await TestServer.StartAsync(ServerOptions(observer), session);
        var (exitCode, output) = await RunAsync(peer, peer == Peer.Python ? "ws_client_peer.py" : "ws-client-peer.mjs", server.Uri.ToString(), scenario);
        Assert.True(exitCode == 0, output);
        Assert.StartsWith("OK", output);
        for (var attempt = 0; attempt < 500 && observer.Closes.IsEmpty; attempt++)
            await Task.Delay(10);
        return observer;
    }

    [Theory]
    [InlineData(Peer.Python)]
    [InlineData(Peer.Node)]
    public async Task Their_client_sends_a_fragmented_message_with_an_interleaved_ping(Peer peer)
    {
        var observer = await RunClientScenarioAsync(peer, "fragmented-with-ping");
        // Both peers send: first fragment, ping, then continuation(s).
        Assert.Equal([WebSocketOpcode.Text, WebSocketOpcode.Ping, WebSocketOpcode.Continuation],
            observer.FramesRead.Select(frame => frame.Opcode).Take(3));
        Assert.Contains(observer.FramesWritten, frame => frame.Opcode == WebSocketOpcode.Pong);
        Assert.Contains(observer.MessagesRead, message => message == (WebSocketMessageType.Text, 23, false));
    }

    [Theory]
    [InlineData(Peer.Python)]
    [InlineData(Peer.Node)]
    public async Task Their_client_exchanges_a_1_MiB_message(Peer peer)
    {
        var observer = await RunClientScenarioAsync(peer, "one-mebibyte");
        Assert.Contains(observer.MessagesRead, message => message == (WebSocketMessageType.Binary, 1 << 20, false));
        Assert.Contains(observer.MessagesWritten, message => message.Length == 1 << 20);
    }

    [Theory]
    [InlineData(Peer.Python)]
    [InlineData(Peer.Node)]
    public async Task Their_client_completes_the_close_handshake(Peer peer)
    {
        var observer = await RunClientScenarioAsync(peer, "close-handshake");
        Assert.Equal(new WebSocketCloseResult(4000, "bye", CloseInitiator.Remote, false, FrameError.None), Assert.Single(observer.Closes));
    }

    [Theory]
    [InlineData(Peer.Python)]
    [InlineData(Peer.Node)]
    public async Task Their_client_answers_our_close(Peer peer)
    {
        var observer = await RunClientScenarioAsync(peer, "server-closes", async connection =>
        {
            await connection.ReceiveAsync();
            await connection.CloseAsync(4001, "server says bye");
        });
        Assert.Equal(new WebSocketCloseResult(4001, "server says bye", CloseInitiator.Local, false, FrameError.None), Assert.Single(observer.Closes));
    }

    [Theory]
    [InlineData(Peer.Python, "compressed")]
    [InlineData(Peer.Python, "compressed-window-8")]
    [InlineData(Peer.Node, "compressed")]
    public async Task Their_client_exchanges_compressed_messages(Peer peer, string scenario)
    {
        var observer = await RunClientScenarioAsync(peer, scenario);
        Assert.Equal(3, observer.MessagesRead.Count(message => message.Compressed));
        Assert.Equal(3, observer.MessagesWritten.Count(message => message.Compressed));
        // Z_RLE (the 8-bit window) only finds runs, so it gains less than full LZ77 on this repetitive text.
        var minimumRatio = scenario == "compressed" ? 5 : 1;
        Assert.All(observer.Compressions, entry => Assert.True(entry.Compressed * minimumRatio < entry.Uncompressed, $"{entry}"));
    }

    /// <summary>Starts their echo server, connects our client and runs <paramref name="test"/>.</summary>
    private static async Task WithTheirServerAsync(Peer peer, Func<WebSocketConnection, RecordingObserver, Task> test)
    {
        await using var server = await StartServerAsync(peer, peer == Peer.Python ? "ws_echo_server.py" : "ws-echo-server.mjs");
        var observer = new RecordingObserver();
        var result = await WebSocketClient.ConnectAsync(server.Uri, new WebSocketClientOptions
        {
            Observer = observer,
            Connection = new WebSocketConnectionOptions { MaxMessageSize = 4 << 20, MaxFrameSize = 4 << 20 },
        });
        Assert.Equal(ConnectError.None, result.Error);
        await using var client = result.Connection!;
        await test(client, observer);
    }

    private static async Task<WebSocketMessage> ExchangeAsync(WebSocketConnection client, byte[] payload, WebSocketMessageType type)
    {
        Assert.True(await client.SendAsync(payload, type));
        return await client.ReceiveAsync().AsTask().WaitAsync(Bound);
    }

    [Theory]
    [InlineData(Peer.Python)]
    [InlineData(Peer.Node)]
    public Task Our_client_exchanges_text_1_MiB_and_compressed_messages_with_their_server(Peer peer) =>
        WithTheirServerAsync(peer, async (client, observer) =>
        {
            Assert.True(client.Compression.HasValue);
            var text = string.Concat(Enumerable.Repeat("[\"EVENT\",{\"kind\":1,\"content\":\"κόσμε\"}]", 100));
            var echo = await ExchangeAsync(client, Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);
            Assert.Equal((WebSocketMessageType.Text, text), (echo.Type, Encoding.UTF8.GetString(echo.Payload.Span)));

            var binary = new byte[1 << 20];
            new Random(1).NextBytes(binary);
            echo = await ExchangeAsync(client, binary, WebSocketMessageType.Binary);
            Assert.Equal(WebSocketMessageType.Binary, echo.Type);
            Assert.True(binary.AsSpan().SequenceEqual(echo.Payload.Span));

            Assert.Contains(observer.MessagesWritten, message => message.Compressed);
            Assert.Contains(observer.MessagesRead, message => message.Compressed);
            var closed = await client.CloseAsync(1000, "done").WaitAsync(Bound);
            Assert.Equal(new WebSocketCloseResult(1000, "done", CloseInitiator.Local, false, FrameError.None), closed);
        });

    [Theory]
    [InlineData(Peer.Python)]
    [InlineData(Peer.Node)]
    public Task Our_client_reassembles_their_fragmented_message_and_answers_the_ping_between_fragments(Peer peer) =>
        WithTheirServerAsync(peer, async (client, observer) =>
        {
            // Their server sends the last fragment only after our pong arrives.
            var reply = await ExchangeAsync(client, "fragment-please"u8.ToArray(), WebSocketMessageType.Text);
            Assert.Equal("fragmented reply", Encoding.UTF8.GetString(reply.Payload.Span));
            Assert.Contains(observer.FramesWritten, frame => frame.Opcode == WebSocketOpcode.Pong);
            Assert.False((await client.CloseAsync().WaitAsync(Bound)).Abnormal);
        });

    [Theory]
    [InlineData(Peer.Python)]
    [InlineData(Peer.Node)]
    public Task Our_client_answers_their_close(Peer peer) =>
        WithTheirServerAsync(peer, async (client, _) =>
        {
            Assert.True(await client.SendAsync("close-please"u8.ToArray(), WebSocketMessageType.Text));
            Assert.True((await client.ReceiveAsync().AsTask().WaitAsync(Bound)).IsClose);
            Assert.Equal(new WebSocketCloseResult(4002, "server says bye", CloseInitiator.Remote, false, FrameError.None),
                await client.Completion.WaitAsync(Bound));
        });
}
