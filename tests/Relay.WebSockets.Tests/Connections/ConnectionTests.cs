using System.Text;
using Relay.WebSockets.Framing;
using Relay.WebSockets.Internal;
using Relay.WebSockets.Tests.Support;
using static Relay.WebSockets.Tests.Support.Frames;

namespace Relay.WebSockets.Tests.Connections;

/// <summary>The connection API the relay relies on: client role, concurrency, close, backpressure.</summary>
public class ConnectionTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static WebSocketConnection ClientOver(ScriptedStream stream, WebSocketConnectionOptions? options = null, TimeProvider? time = null,
        RecordingObserver? observer = null) =>
        new(new StreamTransport(stream, waitsForPeerToCloseFirst: true), isServer: false, options ?? WebSocketConnectionOptions.Default,
            null, null, observer, time);

    private static WebSocketConnection ServerOver(ScriptedStream stream, WebSocketConnectionOptions? options = null, TimeProvider? time = null,
        RecordingObserver? observer = null) =>
        new(new StreamTransport(stream, waitsForPeerToCloseFirst: false), isServer: true, options ?? WebSocketConnectionOptions.Default,
            null, null, observer, time);

    [Fact]
    public async Task A_client_masks_every_frame_with_a_fresh_key()
    {
        var stream = new ScriptedStream([]) { HoldOpen = true };
        await using var client = ClientOver(stream);
        for (var i = 0; i < 50; i++)
            Assert.True(client.TryWrite("same payload"u8, WebSocketMessageType.Text));
        Assert.True(await client.SendPingAsync("p"u8.ToArray()));

        var raw = stream.Written;
        var frames = Decode(raw);
        Assert.Equal(51, frames.Count);
        Assert.All(frames, frame => Assert.True(frame.Masked));
        Assert.All(frames.Take(50), frame => Assert.Equal("same payload"u8.ToArray(), frame.Payload));
        var keys = new HashSet<string>();
        var offset = 0;
        foreach (var frame in frames)
        {
            Assert.True(TryDecodeOne(raw.AsSpan(offset), out var decoded, out var used));
            Assert.Equal(frame, decoded, (a, b) => a.Opcode == b.Opcode && a.Payload.AsSpan().SequenceEqual(b.Payload));
            keys.Add(Convert.ToHexString(raw.AsSpan(offset + 2, 4)));
            offset += used;
        }

        Assert.True(keys.Count >= 50, "every frame gets its own random key");
    }

    [Fact]
    public async Task A_client_fails_a_masked_server_frame_with_1002()
    {
        var stream = new ScriptedStream([Masked(Text, "x"u8), Build(Close, CloseBody(1002))]);
        await using var client = ClientOver(stream);
        Assert.True((await client.ReceiveAsync()).IsClose);
        Assert.Equal(1002, Decode(stream.Written).Single().CloseCode);
        Assert.Equal(FrameError.MaskedFrame, (await client.Completion).Error);
    }

    [Fact]
    public async Task A_client_reads_unmasked_server_frames_split_at_every_offset()
    {
        var input = Concat(Build(Text, "abc"u8, fin: false), Build(Ping, "1"u8), Build(Continuation, "def"u8), Build(Close, CloseBody(1001, "restart")));
        foreach (var pieces in Splits.Of(input))
        {
            var stream = new ScriptedStream(pieces);
            await using var client = ClientOver(stream);
            var message = await client.ReceiveAsync();
            Assert.Equal("abcdef", Encoding.UTF8.GetString(message.Payload.Span));
            Assert.True((await client.ReceiveAsync()).IsClose);
            Assert.Equal(new WebSocketCloseResult(1001, "restart", CloseInitiator.Remote, false, FrameError.None), await client.Completion);
            var sent = Decode(stream.Written);
            Assert.Equal([Pong, Close], sent.Select(frame => frame.Opcode));
            Assert.Equal(1001, sent[1].CloseCode);
        }
    }

    [Fact]
    public async Task Concurrent_sends_are_serialised_and_never_interleave()
    {
        var (server, client) = InMemoryConnections.CreatePair(new WebSocketConnectionOptions { MaxPendingOutboundBytes = 64L << 20 });
        await using (server)
        await using (client)
        {
            const int Writers = 8, PerWriter = 200;
            var sends = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
            {
                for (var i = 0; i < PerWriter; i++)
                {
                    var payload = Encoding.UTF8.GetBytes($"{writer}:{i}:" + new string((char)('a' + writer), 1 + (i * 37 % 3000)));
                    Assert.True(await server.SendAsync(payload, WebSocketMessageType.Text));
                }
            })).ToArray();

            var next = new int[Writers];
            for (var received = 0; received < Writers * PerWriter; received++)
            {
                var text = Encoding.UTF8.GetString((await client.ReceiveAsync().AsTask().WaitAsync(Bound)).Payload.Span);
                var parts = text.Split(':');
                var writer = int.Parse(parts[0]);
                Assert.Equal(next[writer]++, int.Parse(parts[1])); // each writer's order is kept
                Assert.Equal(new string((char)('a' + writer), 1 + (int.Parse(parts[1]) * 37 % 3000)), parts[2]);
            }

            await Task.WhenAll(sends).WaitAsync(Bound);
        }
    }

    [Fact]
    public async Task Writes_then_one_flush_are_coalesced_into_one_transport_write()
    {
        var stream = new ScriptedStream([]) { HoldOpen = true };
        await using var server = ServerOver(stream);
        for (var i = 0; i < 10; i++)
            Assert.True(server.TryWrite(Encoding.UTF8.GetBytes($"[\"EVENT\",\"sub\",{i}]"), WebSocketMessageType.Text));
        Assert.Equal(10 * (2 + 17), server.PendingOutboundBytes); // 17-byte payloads with 2-byte headers
        Assert.Empty(stream.Written);
        Assert.True(await server.FlushAsync());
        Assert.Equal(1, stream.WriteCount);
        Assert.Equal(0, server.PendingOutboundBytes);
        Assert.Equal(10, Decode(stream.Written).Count);
    }

    [Fact]
    public async Task Exceeding_the_outbound_limit_is_reported_and_closes_with_1008()
    {
        var stream = new ScriptedStream([]) { HoldOpen = true };
        var observer = new RecordingObserver();
        var time = new ManualTimeProvider();
        await using var server = ServerOver(stream, new WebSocketConnectionOptions { MaxPendingOutboundBytes = 10_000 }, time, observer);
        var payload = new byte[3000];
        Assert.True(server.TryWrite(payload, WebSocketMessageType.Binary));
        Assert.True(server.TryWrite(payload, WebSocketMessageType.Binary));
        Assert.True(server.TryWrite(payload, WebSocketMessageType.Binary));
        Assert.False(server.TryWrite(payload, WebSocketMessageType.Binary));
        Assert.False(server.TryWrite("x"u8, WebSocketMessageType.Text)); // closing: nothing more is accepted
        Assert.Single(observer.OutboundLimits);

        var written = await stream.WaitForWrittenAsync(bytes => Decode(bytes).Any(frame => frame.Opcode == Close));
        var frames = Decode(written);
        Assert.Equal(1008, Assert.Single(frames).CloseCode); // the unsent backlog was dropped
        time.Advance(server.Options.CloseTimeout);
        var result = await server.Completion.WaitAsync(Bound);
        Assert.Equal((1008, CloseInitiator.Local, true), (result.Code, result.Initiator, result.Abnormal));
    }

    [Fact]
    public async Task CloseAsync_is_idempotent_and_thread_safe()
    {
        var (server, client) = InMemoryConnections.CreatePair();
        await using (server)
        await using (client)
        {
            var clientReads = client.ReceiveAsync().AsTask();
            var closes = Enumerable.Range(0, 16).Select(i => Task.Run(() => server.CloseAsync((ushort)(4000 + i), $"close {i}"))).ToArray();
            var results = await Task.WhenAll(closes).WaitAsync(Bound);
            Assert.True((await clientReads.WaitAsync(Bound)).IsClose);
            Assert.Single(results.Distinct());
            Assert.False(results[0].Abnormal);
            Assert.Equal(CloseInitiator.Local, results[0].Initiator);
            var clientResult = await client.Completion.WaitAsync(Bound);
            Assert.Equal((results[0].Code, results[0].Reason, CloseInitiator.Remote), (clientResult.Code, clientResult.Reason, clientResult.Initiator));
            Assert.Equal(results[0], await server.CloseAsync(1000));
        }
    }

    [Fact]
    public async Task CloseAsync_without_a_reader_reads_the_peers_close_itself()
    {
        var stream = new ScriptedStream([Masked(Text, "discarded"u8), Masked(Close, CloseBody(1000))]);
        await using var server = ServerOver(stream);
        var result = await server.CloseAsync(1001, "going away").WaitAsync(Bound);
        Assert.Equal(new WebSocketCloseResult(1001, "going away", CloseInitiator.Local, false, FrameError.None), result);
        Assert.Equal(1001, Decode(stream.Written).Single().CloseCode);
        Assert.True((await server.ReceiveAsync()).IsClose);
    }

    [Fact]
    public async Task CloseAsync_gives_up_after_the_close_timeout_when_the_peer_never_answers()
    {
        var stream = new ScriptedStream([]) { HoldOpen = true };
        var time = new ManualTimeProvider();
        await using var server = ServerOver(stream, time: time);
        var closing = server.CloseAsync(1000);
        await stream.WaitForWrittenAsync(bytes => Decode(bytes).Count == 1);
        Assert.False(closing.IsCompleted);
        time.Advance(server.Options.CloseTimeout);
        var result = await closing.WaitAsync(Bound);
        Assert.Equal(new WebSocketCloseResult(1000, "", CloseInitiator.Local, true, FrameError.None), result);
        Assert.True(stream.IsDisposed);
    }

    [Fact]
    public async Task CloseAsync_while_a_reader_waits_lets_that_reader_complete_the_handshake()
    {
        var (server, client) = InMemoryConnections.CreatePair();
        await using (server)
        await using (client)
        {
            var serverReads = server.ReceiveAsync().AsTask();
            var clientReads = client.ReceiveAsync().AsTask();
            var result = await server.CloseAsync(4001, "done").WaitAsync(Bound);
            Assert.True((await serverReads.WaitAsync(Bound)).IsClose);
            Assert.True((await clientReads.WaitAsync(Bound)).IsClose);
            Assert.Equal(new WebSocketCloseResult(4001, "done", CloseInitiator.Local, false, FrameError.None), result);
        }
    }

    [Fact]
    public async Task A_second_concurrent_reader_is_a_contract_violation()
    {
        var stream = new ScriptedStream([]) { HoldOpen = true };
        await using var server = ServerOver(stream);
        var first = server.ReceiveAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await server.ReceiveAsync());
        await server.DisposeAsync();
        Assert.True((await first).IsClose);
    }

    [Fact]
    public async Task Disposing_ends_a_pending_receive_and_completes_as_abnormal()
    {
        var stream = new ScriptedStream([]) { HoldOpen = true };
        var observer = new RecordingObserver();
        var server = ServerOver(stream, observer: observer);
        var receiving = server.ReceiveAsync().AsTask();
        await server.DisposeAsync();
        Assert.True((await receiving.WaitAsync(Bound)).IsClose);
        Assert.Equal(new WebSocketCloseResult(1006, "", CloseInitiator.Local, true, FrameError.None), await server.Completion);
        Assert.Single(observer.Closes);
        Assert.False(server.TryWrite("late"u8, WebSocketMessageType.Text));
        Assert.False(await server.SendPingAsync());
        Assert.False(await server.FlushAsync().AsTask().WaitAsync(Bound));
        Assert.True((await server.ReceiveAsync().AsTask().WaitAsync(Bound)).IsClose);
        Assert.Equal(1006, (await server.CloseAsync().WaitAsync(Bound)).Code);
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Cancelling_a_receive_aborts_the_connection()
    {
        var stream = new ScriptedStream([]) { HoldOpen = true };
        await using var server = ServerOver(stream);
        using var cancellation = new CancellationTokenSource();
        var receiving = server.ReceiveAsync(cancellation.Token).AsTask();
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => receiving);
        Assert.True((await server.Completion).Abnormal);
    }

    [Fact]
    public async Task A_ping_is_answered_by_the_peers_reader_and_reported_as_a_pong()
    {
        var (server, client) = InMemoryConnections.CreatePair();
        await using (server)
        await using (client)
        {
            var pong = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            server.PongReceived += (_, payload) => pong.TrySetResult(Encoding.UTF8.GetString(payload));
            var serverReads = server.ReceiveAsync().AsTask(); // the pong arrives through the server's reader
            var clientReads = client.ReceiveAsync().AsTask(); // the client's reader answers the ping
            Assert.True(await server.SendPingAsync("are you there"u8.ToArray()));
            Assert.Equal("are you there", await pong.Task.WaitAsync(Bound));
            Assert.NotEqual(0, server.LastPongTimestamp);
            await client.CloseAsync().WaitAsync(Bound);
            Assert.True((await serverReads.WaitAsync(Bound)).IsClose);
            Assert.True((await clientReads.WaitAsync(Bound)).IsClose);
        }
    }

    [Fact]
    public async Task A_payload_larger_than_the_read_buffer_is_received_through_the_message_buffer()
    {
        var (server, client) = InMemoryConnections.CreatePair(new WebSocketConnectionOptions { MaxMessageSize = 4 << 20, MaxFrameSize = 4 << 20, MaxPendingOutboundBytes = 16 << 20 });
        await using (server)
        await using (client)
        {
            foreach (var length in new[] { 4095, 4096, 4097, 70_000, 1 << 20, 4 << 20 })
            {
                var payload = new byte[length];
                new Random(length).NextBytes(payload);
                var sending = client.SendAsync(payload, WebSocketMessageType.Binary).AsTask();
                var message = await server.ReceiveAsync().AsTask().WaitAsync(Bound);
                Assert.True(await sending);
                Assert.True(payload.AsSpan().SequenceEqual(message.Payload.Span), $"length {length}");
            }
        }
    }
}
