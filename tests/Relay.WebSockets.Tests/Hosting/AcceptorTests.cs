using Relay.WebSockets.Handshake;
using Relay.WebSockets.Hosting;
using Relay.WebSockets.Tests.Support;
using static Relay.WebSockets.Tests.Support.Frames;

namespace Relay.WebSockets.Tests.Hosting;

/// <summary>The server handshake over real loopback sockets through Kestrel (RFC 6455 §4.2).</summary>
public class AcceptorTests
{
    private static async Task<(int Status, Dictionary<string, string> Headers, RawConnection Connection)> HandshakeAsync(TestServer server, string request)
    {
        var connection = await RawConnection.ConnectAsync(server.EndPoint);
        await connection.SendAsync(request);
        var (status, headers) = await connection.ReadResponseHeadAsync();
        return (status, headers, connection);
    }

    [Fact]
    public async Task A_valid_request_gets_101_with_the_accept_key_of_RFC_6455_section_1_3()
    {
        var observer = new RecordingObserver();
        await using var server = await TestServer.StartAsync(new WebSocketServerOptions { Observer = observer });
        var (status, headers, connection) = await HandshakeAsync(server, RawConnection.Request());
        await using (connection)
        {
            Assert.Equal(101, status);
            Assert.Equal("websocket", headers["Upgrade"], ignoreCase: true);
            Assert.Equal("Upgrade", headers["Connection"], ignoreCase: true);
            Assert.Equal("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", headers["Sec-WebSocket-Accept"]);
            Assert.False(headers.ContainsKey("Sec-WebSocket-Protocol"));
            Assert.False(headers.ContainsKey("Sec-WebSocket-Extensions"));

            // The connection is ours now: an echo, then the close handshake, then the server closes TCP first.
            await connection.SendAsync(Concat(ClientText("hi"), Masked(Close, CloseBody(1000))));
            var frames = await connection.ReadFramesUntilAsync(Close);
            Assert.Equal("hi"u8.ToArray(), frames[0].Payload);
            Assert.Equal(1000, frames[1].CloseCode);
            Assert.True(await connection.WaitForServerToCloseAsync());
        }

        Assert.Single(observer.Opened);
    }

    [Theory]
    [InlineData("Upgrade: WebSocket", "Connection: keep-alive, upgrade")]
    [InlineData("Upgrade: websocket, foo/2", "Connection: UPGRADE")]
    public async Task Header_tokens_are_matched_case_insensitively_in_lists(string upgrade, string connectionHeader)
    {
        await using var server = await TestServer.StartAsync();
        var request = $"GET / HTTP/1.1\r\nHost: x\r\n{upgrade}\r\n{connectionHeader}\r\nSec-WebSocket-Key: {RawConnection.SampleKey}\r\nSec-WebSocket-Version: 13\r\n\r\n";
        var (status, _, connection) = await HandshakeAsync(server, request);
        await using (connection)
            Assert.Equal(101, status);
    }

    public static TheoryData<string, string, int, HandshakeError> BadRequests => new()
    {
        { "POST", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n", 405, HandshakeError.MethodNotAllowed },
        { "HTTP/1.0", "GET / HTTP/1.0\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n", 400, HandshakeError.UnsupportedHttpVersion },
        { "Upgrade: h2c", "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: h2c, websocketx\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n", 400, HandshakeError.MissingUpgradeWebSocket },
        { "no Connection: Upgrade", "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: keep-alive\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n", 400, HandshakeError.MissingConnectionUpgrade },
        { "no key", "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n", 400, HandshakeError.MissingKey },
        { "two keys", RawConnection.Request("/", "Sec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAAAA=="), 400, HandshakeError.MissingKey },
        { "15-byte key", "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25j\r\nSec-WebSocket-Version: 13\r\n\r\n", 400, HandshakeError.InvalidKey },
        { "no version", "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n", 400, HandshakeError.MissingVersion },
        { "version 8", "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 8\r\n\r\n", 426, HandshakeError.UnsupportedVersion },
        { "malformed extensions", RawConnection.Request("/", "Sec-WebSocket-Extensions: permessage-deflate;;"), 400, HandshakeError.MalformedExtensions },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_request_gets_the_status_its_fault_deserves(string name, string request, int expectedStatus, HandshakeError error)
    {
        var observer = new RecordingObserver();
        await using var server = await TestServer.StartAsync(new WebSocketServerOptions { Observer = observer });
        var (status, headers, connection) = await HandshakeAsync(server, request);
        await using (connection)
        {
            Assert.True(expectedStatus == status, name);
            Assert.Equal((error, expectedStatus), Assert.Single(observer.HandshakeFailures));
            Assert.False(headers.ContainsKey("Sec-WebSocket-Accept"));
            if (status == 405)
                Assert.Equal("GET", headers["Allow"]);
            if (status == 426)
                Assert.Equal("13", headers["Sec-WebSocket-Version"]);
        }
    }

    [Fact]
    public async Task A_request_without_Host_is_refused_with_400()
    {
        // Kestrel itself rejects an HTTP/1.1 request without Host before our code runs; the answer is still 400.
        await using var server = await TestServer.StartAsync();
        var (status, _, connection) = await HandshakeAsync(server,
            "GET / HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        await using (connection)
            Assert.Equal(400, status);
    }

    [Fact]
    public async Task A_path_the_endpoint_does_not_serve_gets_404()
    {
        await using var server = await TestServer.StartAsync(new WebSocketServerOptions { PathMatcher = path => path == "/ws" });
        var (notFound, _, first) = await HandshakeAsync(server, RawConnection.Request("/other"));
        await using (first)
            Assert.Equal(404, notFound);
        var (ok, _, second) = await HandshakeAsync(server, RawConnection.Request("/ws"));
        await using (second)
            Assert.Equal(101, ok);
    }

    [Theory]
    [InlineData(OriginPolicy.AllowAny, "https://anywhere.example", 101)]
    [InlineData(OriginPolicy.AllowList, "https://app.example", 101)]
    [InlineData(OriginPolicy.AllowList, "https://APP.example", 101)]
    [InlineData(OriginPolicy.AllowList, "https://evil.example", 403)]
    [InlineData(OriginPolicy.AllowList, null, 101)]
    [InlineData(OriginPolicy.SameOrigin, "http://127.0.0.1", 101)]
    [InlineData(OriginPolicy.SameOrigin, "http://127.0.0.2", 403)]
    public async Task The_origin_policy_decides_between_101_and_403(OriginPolicy policy, string? origin, int expected)
    {
        await using var server = await TestServer.StartAsync(new WebSocketServerOptions { OriginPolicy = policy, AllowedOrigins = ["https://app.example"] });
        var request = origin is null ? RawConnection.Request() : RawConnection.Request("/", $"Origin: {origin}");
        var (status, _, connection) = await HandshakeAsync(server, request);
        await using (connection)
            Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("chat, nostr", "chat")]
    [InlineData("unknown, nostr", "nostr")]
    [InlineData("unknown", null)]
    [InlineData("Nostr", null)]
    public async Task The_server_picks_the_clients_first_supported_subprotocol_or_none(string offered, string? chosen)
    {
        await using var server = await TestServer.StartAsync(new WebSocketServerOptions { SubProtocols = ["nostr", "chat"] });
        var (status, headers, connection) = await HandshakeAsync(server, RawConnection.Request("/", $"Sec-WebSocket-Protocol: {offered}"));
        await using (connection)
        {
            Assert.Equal(101, status);
            Assert.Equal(chosen, headers.GetValueOrDefault("Sec-WebSocket-Protocol"));
        }
    }

    [Theory]
    [InlineData("permessage-deflate; client_max_window_bits", "permessage-deflate; server_no_context_takeover")]
    [InlineData("permessage-deflate; server_max_window_bits=10", "permessage-deflate; server_no_context_takeover; server_max_window_bits=10")]
    [InlineData("x-webkit-deflate-frame", null)]
    public async Task The_server_answers_permessage_deflate_offers(string offer, string? answer)
    {
        await using var server = await TestServer.StartAsync();
        var (status, headers, connection) = await HandshakeAsync(server, RawConnection.Request("/", $"Sec-WebSocket-Extensions: {offer}"));
        await using (connection)
        {
            Assert.Equal(101, status);
            Assert.Equal(answer, headers.GetValueOrDefault("Sec-WebSocket-Extensions"));
        }
    }

    [Fact]
    public void IsWebSocketUpgradeRequest_only_looks_at_the_Upgrade_header()
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        Assert.False(WebSocketAcceptor.IsWebSocketUpgradeRequest(context));
        context.Request.Method = "POST";
        context.Request.Headers.Upgrade = "foo, WebSocket";
        Assert.True(WebSocketAcceptor.IsWebSocketUpgradeRequest(context));
    }
}
