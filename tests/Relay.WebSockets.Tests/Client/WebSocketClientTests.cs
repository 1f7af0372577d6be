using System.Net;
using System.Net.Sockets;
using System.Text;
using Relay.WebSockets.Client;
using Relay.WebSockets.Client.Internal;
using Relay.WebSockets.Framing;
using Relay.WebSockets.Handshake;
using Relay.WebSockets.Hosting;
using Relay.WebSockets.Tests.Support;
using static Relay.WebSockets.Tests.Support.Frames;

namespace Relay.WebSockets.Tests.Client;

public class WebSocketClientTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ConnectAsync_opens_a_verified_connection_to_our_server()
    {
        var observer = new RecordingObserver();
        await using var server = await TestServer.StartAsync(new WebSocketServerOptions { SubProtocols = ["nostr"] });
        var result = await WebSocketClient.ConnectAsync(server.Uri, new WebSocketClientOptions { SubProtocols = ["other", "nostr"], Observer = observer });
        Assert.Equal(ConnectError.None, result.Error);
        Assert.Equal(101, result.StatusCode);
        await using var client = result.Connection!;
        Assert.False(client.IsServer);
        Assert.Equal("nostr", client.SubProtocol);
        Assert.True(client.Compression.HasValue);
        Assert.Equal(server.EndPoint, client.RemoteEndPoint);

        var text = string.Concat(Enumerable.Repeat("[\"REQ\",\"s\",{\"kinds\":[1]}]", 50));
        Assert.True(await client.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text));
        Assert.Equal(text, Encoding.UTF8.GetString((await client.ReceiveAsync()).Payload.Span));
        Assert.Contains(observer.MessagesWritten, entry => entry.Compressed);
        Assert.Contains(observer.MessagesRead, entry => entry.Compressed);

        var closed = await client.CloseAsync(1000, "done").WaitAsync(Bound);
        Assert.Equal(new WebSocketCloseResult(1000, "done", CloseInitiator.Local, false, FrameError.None), closed);
        Assert.Single(observer.Opened);
    }

    [Theory]
    [InlineData("wss://example.com/")]
    [InlineData("http://example.com/")]
    [InlineData("ws://example.com/#fragment")]
    public async Task ConnectAsync_accepts_only_ws_URIs_without_fragment(string uri)
    {
        Assert.Equal(ConnectError.UnsupportedUri, (await WebSocketClient.ConnectAsync(new Uri(uri))).Error);
        Assert.Equal(ConnectError.UnsupportedUri, (await WebSocketClient.ConnectAsync(new Uri("/relative", UriKind.Relative))).Error);
    }

    [Fact]
    public async Task ConnectAsync_reports_a_refused_connection()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Assert.Equal(ConnectError.ConnectionFailed, (await WebSocketClient.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/"))).Error);
    }

    public static TheoryData<string, ConnectError, int> BadResponses => new()
    {
        { "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n", ConnectError.UnexpectedStatus, 404 },
        { "HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n", ConnectError.MissingUpgrade, 101 },
        { "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nSec-WebSocket-Accept: {accept}\r\n\r\n", ConnectError.MissingConnectionUpgrade, 101 },
        { "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n", ConnectError.InvalidAccept, 101 },
        { "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n", ConnectError.InvalidAccept, 101 },
        { "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\nSec-WebSocket-Protocol: chat\r\n\r\n", ConnectError.UnexpectedSubProtocol, 101 },
        { "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\nSec-WebSocket-Extensions: x-unknown\r\n\r\n", ConnectError.InvalidExtensions, 101 },
        { "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\nSec-WebSocket-Extensions: permessage-deflate; foo\r\n\r\n", ConnectError.InvalidExtensions, 101 },
        { "HTTP/1.0 101 Switching Protocols\r\n\r\n", ConnectError.MalformedResponse, 0 },
        { "HTTP/1.1 101 Switching Protocols\r\n folded: header\r\n\r\n", ConnectError.MalformedResponse, 0 },
        { "HTTP/1.1 101", ConnectError.ConnectionClosed, 0 },
    };

    [Theory]
    [MemberData(nameof(BadResponses))]
    public async Task ConnectAsync_verifies_the_servers_answer(string response, ConnectError expected, int status)
    {
        using var fake = new FakeHttpServer();
        var connecting = WebSocketClient.ConnectAsync(fake.Uri).AsTask();
        var (tcp, request) = await fake.AcceptAsync();
        using (tcp)
        {
            var accept = WebSocketHandshake.ComputeAcceptKey(FakeHttpServer.Header(request, "Sec-WebSocket-Key"));
            await FakeHttpServer.SendAsync(tcp, response.Replace("{accept}", accept, StringComparison.Ordinal));
            tcp.Client.Shutdown(SocketShutdown.Send);
            var result = await connecting.WaitAsync(Bound);
            Assert.Equal((expected, status), (result.Error, result.StatusCode));
            Assert.Null(result.Connection);
        }
    }

    [Fact]
    public async Task ConnectAsync_sends_a_valid_RFC_6455_request()
    {
        using var fake = new FakeHttpServer();
        var connecting = WebSocketClient.ConnectAsync(fake.Uri, new WebSocketClientOptions { Origin = "https://app.example", SubProtocols = ["a", "b"] }).AsTask();
        var (tcp, request) = await fake.AcceptAsync();
        using (tcp)
        {
            Assert.StartsWith("GET /path?q=1 HTTP/1.1\r\n", request);
            Assert.Equal($"127.0.0.1:{fake.EndPoint.Port}", FakeHttpServer.Header(request, "Host"));
            Assert.Equal("websocket", FakeHttpServer.Header(request, "Upgrade"));
            Assert.Equal("Upgrade", FakeHttpServer.Header(request, "Connection"));
            Assert.Equal("13", FakeHttpServer.Header(request, "Sec-WebSocket-Version"));
            Assert.True(WebSocketHandshake.IsValidKey(FakeHttpServer.Header(request, "Sec-WebSocket-Key")));
            Assert.Equal("https://app.example", FakeHttpServer.Header(request, "Origin"));
            Assert.Equal("a, b", FakeHttpServer.Header(request, "Sec-WebSocket-Protocol"));
            Assert.Equal("permessage-deflate; client_max_window_bits; server_no_context_takeover", FakeHttpServer.Header(request, "Sec-WebSocket-Extensions"));

            // A frame sent together with the 101 must not be lost.
            var response = Encoding.ASCII.GetBytes(FakeHttpServer.SwitchingProtocols(request));
            await tcp.GetStream().WriteAsync(Concat(response, Build(Text, "early"u8)));
            var result = await connecting.WaitAsync(Bound);
            await using var client = result.Connection!;
            Assert.Equal("early", Encoding.UTF8.GetString((await client.ReceiveAsync()).Payload.Span));
        }
    }

    [Fact]
    public async Task ConnectAsync_times_out_when_the_server_never_answers()
    {
        using var fake = new FakeHttpServer();
        var time = new ManualTimeProvider();
        var options = new WebSocketClientOptions { TimeProvider = time, Connection = new WebSocketConnectionOptions { HandshakeTimeout = TimeSpan.FromSeconds(5) } };
        var connecting = WebSocketClient.ConnectAsync(fake.Uri, options).AsTask();
        var (tcp, _) = await fake.AcceptAsync();
        using (tcp)
        {
            Assert.False(connecting.IsCompleted);
            time.Advance(TimeSpan.FromSeconds(5));
            Assert.Equal(ConnectError.Timeout, (await connecting.WaitAsync(Bound)).Error);
        }
    }

    [Fact]
    public async Task ConnectAsync_keeps_at_most_one_connection_CONNECTING_per_endpoint()
    {
        using var fake = new FakeHttpServer();
        var first = WebSocketClient.ConnectAsync(fake.Uri).AsTask();
        var (firstTcp, firstRequest) = await fake.AcceptAsync();
        using (firstTcp)
        {
            var second = WebSocketClient.ConnectAsync(fake.Uri).AsTask();
            // Both are registered at the endpoint's gate, but the second has not opened TCP: it waits (RFC 6455 §4.1).
            for (var attempt = 0; attempt < 1000 && ConnectGate.UsersOf(fake.EndPoint) < 2; attempt++)
                await Task.Delay(5);
            Assert.Equal(2, ConnectGate.UsersOf(fake.EndPoint));
            Assert.False(fake.HasPendingConnection);
            Assert.False(second.IsCompleted);

            await FakeHttpServer.SendAsync(firstTcp, FakeHttpServer.SwitchingProtocols(firstRequest));
            await using var firstConnection = (await first.WaitAsync(Bound)).Connection!;

            // Only now does the second connection reach the server.
            var (secondTcp, secondRequest) = await fake.AcceptAsync();
            using (secondTcp)
            {
                await FakeHttpServer.SendAsync(secondTcp, "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n");
                Assert.Equal(ConnectError.UnexpectedStatus, (await second.WaitAsync(Bound)).Error);
                Assert.NotEqual(FakeHttpServer.Header(firstRequest, "Sec-WebSocket-Key"), FakeHttpServer.Header(secondRequest, "Sec-WebSocket-Key"));
            }
        }

        Assert.Equal(0, ConnectGate.UsersOf(fake.EndPoint));
    }

    [Fact]
    public async Task ConnectAsync_to_different_endpoints_does_not_wait()
    {
        using var blocked = new FakeHttpServer();
        await using var server = await TestServer.StartAsync();
        var pending = WebSocketClient.ConnectAsync(blocked.Uri).AsTask();
        var (tcp, _) = await blocked.AcceptAsync();
        using (tcp)
        {
            var result = await WebSocketClient.ConnectAsync(server.Uri).AsTask().WaitAsync(Bound);
            await using var connection = result.Connection!;
            Assert.Equal(ConnectError.None, result.Error);
            Assert.False(pending.IsCompleted);
        }
    }
}
