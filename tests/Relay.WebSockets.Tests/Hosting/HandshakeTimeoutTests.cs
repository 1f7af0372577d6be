using System.Text;
using Microsoft.AspNetCore.Http;
using Relay.WebSockets.Client;
using Relay.WebSockets.Hosting;
using Relay.WebSockets.Tests.Support;

namespace Relay.WebSockets.Tests.Hosting;

/// <summary>"A client that opens TCP and never completes its request is dropped, and counted."</summary>
public class HandshakeTimeoutTests
{
    private static async Task WaitForTimersAsync(ManualTimeProvider time, int count)
    {
        // The deadline starts when Kestrel accepts the socket, on its own thread: wait (bounded) until it exists.
        for (var attempt = 0; attempt < 1000 && time.ActiveTimers < count; attempt++)
            await Task.Delay(10);
        Assert.Equal(count, time.ActiveTimers);
    }

    private static WebSocketServerOptions Options(ManualTimeProvider time, RecordingObserver observer) =>
        new() { TimeProvider = time, Observer = observer, Connection = new WebSocketConnectionOptions { HandshakeTimeout = TimeSpan.FromSeconds(10) } };

    [Theory]
    [InlineData("")]
    [InlineData("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n")]
    public async Task A_client_that_never_completes_its_request_is_dropped_and_counted(string partialRequest)
    {
        var time = new ManualTimeProvider();
        var observer = new RecordingObserver();
        await using var server = await TestServer.StartAsync(Options(time, observer));
        await using var connection = await RawConnection.ConnectAsync(server.EndPoint);
        if (partialRequest.Length > 0)
            await connection.SendAsync(partialRequest);
        await WaitForTimersAsync(time, 1);

        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Empty(observer.HandshakeTimeouts);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(await connection.WaitForServerToCloseAsync());
        Assert.Single(observer.HandshakeTimeouts);
    }

    [Fact]
    public async Task A_completed_handshake_stops_the_deadline()
    {
        var time = new ManualTimeProvider();
        var observer = new RecordingObserver();
        await using var server = await TestServer.StartAsync(Options(time, observer));
        var result = await WebSocketClient.ConnectAsync(server.Uri, new WebSocketClientOptions());
        await using var client = result.Connection!;
        await WaitForTimersAsync(time, 0);
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.True(await client.SendAsync("still here"u8.ToArray(), WebSocketMessageType.Text));
        Assert.Equal("still here", Encoding.UTF8.GetString((await client.ReceiveAsync()).Payload.Span));
        Assert.Empty(observer.HandshakeTimeouts);
    }

    [Fact]
    public async Task A_plain_HTTP_request_such_as_NIP11_also_stops_the_deadline()
    {
        var time = new ManualTimeProvider();
        var observer = new RecordingObserver();
        await using var server = await TestServer.StartAsync(Options(time, observer),
            plainHttp: context => context.Response.WriteAsync("{\"name\":\"relay\"}"));
        await using var connection = await RawConnection.ConnectAsync(server.EndPoint);
        await connection.SendAsync("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/nostr+json\r\n\r\n");
        Assert.Equal(200, (await connection.ReadResponseHeadAsync()).Status);
        await WaitForTimersAsync(time, 0);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(observer.HandshakeTimeouts);
    }
}
