using System.Text;
using Relay.WebSockets.Framing;
using Relay.WebSockets.Tests.Support;
using static Relay.WebSockets.Tests.Support.Frames;

namespace Relay.WebSockets.Tests.Connections;

/// <summary>Server-role receive rules (RFC 6455 §5-§7), every input fed whole, split at every offset and byte by byte.</summary>
public class ServerReceiveTests
{
    private static readonly byte[] CloseNormal = Masked(Close, CloseBody(1000));

    [Fact]
    public async Task ReceiveAsync_returns_a_masked_text_message_and_the_close_handshake_echoes_the_code()
    {
        var run = await ServerHarness.RunEverySplitAsync(Concat(ClientText("Hello"), Masked(Close, CloseBody(1000, "bye"))));
        Assert.Equal(["Hello"], run.Texts);
        Assert.Equal(WebSocketMessageType.Text, run.Messages[0].Type);
        Assert.Equal(1000, run.CloseSent.CloseCode);
        Assert.Equal(2, run.CloseSent.Payload.Length); // the code is echoed, without a reason
        Assert.False(run.CloseSent.Masked);
        Assert.Equal(new WebSocketCloseResult(1000, "bye", CloseInitiator.Remote, false, FrameError.None), run.Result);
    }

    [Fact]
    public async Task ReceiveAsync_answers_an_empty_close_with_an_empty_close()
    {
        var run = await ServerHarness.RunEverySplitAsync(Masked(Close, []));
        Assert.Empty(run.CloseSent.Payload);
        Assert.Equal(new WebSocketCloseResult(1005, "", CloseInitiator.Remote, false, FrameError.None), run.Result);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(125)]
    [InlineData(126)]
    [InlineData(65535)]
    [InlineData(65536)]
    public async Task ReceiveAsync_reads_every_payload_length_encoding(int length)
    {
        var payload = new byte[length];
        new Random(length).NextBytes(payload);
        var input = Concat(Masked(Binary, payload), CloseNormal);
        // Large inputs: whole and in Autobahn-like 997-byte chops instead of every offset.
        var run = length <= 300
            ? await ServerHarness.RunEverySplitAsync(input)
            : await ServerHarness.RunAsync(input.Chunk(997).ToArray(), new WebSocketConnectionOptions { MaxMessageSize = 1 << 20, MaxFrameSize = 1 << 20 });
        Assert.Equal(Convert.ToHexString(payload), Assert.Single(run.Messages).Hex);
        Assert.Equal(WebSocketMessageType.Binary, run.Messages[0].Type);
    }

    [Fact]
    public async Task ReceiveAsync_reassembles_a_fragmented_message_and_answers_an_interleaved_ping_at_once()
    {
        var input = Concat(
            Masked(Text, "frag"u8, fin: false),
            Masked(Ping, "ping!"u8),
            Masked(Continuation, "men"u8, fin: false),
            Masked(Pong, "unsolicited"u8),
            Masked(Continuation, "ted"u8),
            CloseNormal);
        var run = await ServerHarness.RunEverySplitAsync(input);
        Assert.Equal(["fragmented"], run.Texts);
        var pong = Assert.Single(run.Sent, frame => frame.Opcode == Pong);
        Assert.Equal("ping!"u8.ToArray(), pong.Payload);
        Assert.True(run.Sent.ToList().IndexOf(pong) < run.Sent.ToList().IndexOf(run.CloseSent));
        Assert.Equal(1000, run.Result.Code);
    }

    [Fact]
    public async Task ReceiveAsync_accepts_a_code_point_split_across_fragments()
    {
        var euro = Encoding.UTF8.GetBytes("€");
        var run = await ServerHarness.RunEverySplitAsync(Concat(
            Masked(Text, euro.AsSpan(0, 1), fin: false), Masked(Continuation, euro.AsSpan(1, 2)), CloseNormal));
        Assert.Equal(["€"], run.Texts);
    }

    [Fact]
    public async Task ReceiveAsync_reports_pongs_to_the_observer_the_event_and_the_timestamp()
    {
        var stream = new ScriptedStream([Masked(Pong, "beat"u8), CloseNormal]);
        var observer = new RecordingObserver();
        var time = new ManualTimeProvider();
        await using var connection = new WebSocketConnection(new Internal.StreamTransport(stream, false), true,
            ServerHarness.SmallLimits, null, null, observer, time);
        var fromEvent = new List<string>();
        connection.PongReceived += (_, payload) => fromEvent.Add(Encoding.UTF8.GetString(payload));
        Assert.Equal(0, connection.LastPongTimestamp);
        Assert.True((await connection.ReceiveAsync()).IsClose);
        Assert.Equal(["beat"], fromEvent);
        Assert.Equal("beat"u8.ToArray(), Assert.Single(observer.Pongs));
        Assert.Equal(time.GetTimestamp(), connection.LastPongTimestamp);
    }

    public static TheoryData<string, byte[], ushort, FrameError> ProtocolViolations => new()
    {
        { "unmasked client frame", Build(Text, "a"u8), 1002, FrameError.UnmaskedFrame },
        { "RSV1 without extension", Masked(Text, "a"u8, reserved: 0x40), 1002, FrameError.ReservedBitsSet },
        { "RSV2", Masked(Binary, "a"u8, reserved: 0x20), 1002, FrameError.ReservedBitsSet },
        { "RSV3 on ping", Masked(Ping, "a"u8, reserved: 0x10), 1002, FrameError.ReservedBitsSet },
        { "reserved data opcode 3", Masked(3, "a"u8), 1002, FrameError.ReservedOpcode },
        { "reserved control opcode B", Masked(0xB, "a"u8), 1002, FrameError.ReservedOpcode },
        { "ping over 125 bytes", Masked(Ping, new byte[126]), 1002, FrameError.ControlFrameTooLong },
        { "fragmented ping", Masked(Ping, "a"u8, fin: false), 1002, FrameError.FragmentedControlFrame },
        { "continuation with no message", Masked(Continuation, "a"u8), 1002, FrameError.UnexpectedContinuation },
        { "new message inside a fragmented one", Concat(Masked(Text, "a"u8, fin: false), ClientText("b")), 1002, FrameError.ExpectedContinuation },
        { "one-byte close payload", Masked(Close, [0x03]), 1002, FrameError.InvalidClosePayload },
        { "close code 1005", Masked(Close, CloseBody(1005)), 1002, FrameError.InvalidCloseCode },
        { "close code 999", Masked(Close, CloseBody(999)), 1002, FrameError.InvalidCloseCode },
        { "close code 2999", Masked(Close, CloseBody(2999)), 1002, FrameError.InvalidCloseCode },
        { "close code 5000", Masked(Close, CloseBody(5000)), 1002, FrameError.InvalidCloseCode },
        { "close reason not UTF-8", Masked(Close, [0x03, 0xE8, 0xFF]), 1007, FrameError.InvalidCloseReason },
        { "text not UTF-8", Masked(Text, [0x41, 0xC0, 0x80]), 1007, FrameError.InvalidUtf8 },
        { "text ending inside a code point", Masked(Text, [0xE2, 0x82]), 1007, FrameError.InvalidUtf8 },
        { "fragmented text ending inside a code point", Concat(Masked(Text, [0x41], fin: false), Masked(Continuation, [0xF0, 0x9F])), 1007, FrameError.InvalidUtf8 },
        { "frame over the frame limit", Masked(Binary, new byte[64 * 1024 + 1]), 1009, FrameError.FrameTooBig },
        { "message over the message limit", Concat(Masked(Binary, new byte[40_000], fin: false), Masked(Continuation, new byte[30_000])), 1009, FrameError.MessageTooBig },
    };

    [Theory]
    [MemberData(nameof(ProtocolViolations))]
    public async Task ReceiveAsync_fails_the_connection_with_the_close_code_the_violation_deserves(string name, byte[] violation, ushort code, FrameError error)
    {
        // The client answers our close frame, so the closing handshake completes.
        var input = Concat(violation, CloseNormal);
        var run = input.Length <= 400 ? await ServerHarness.RunEverySplitAsync(input) : await ServerHarness.RunAsync(input.Chunk(1000).ToArray());
        Assert.True(run.Messages.Count == 0, name);
        Assert.Equal(code, run.CloseSent.CloseCode);
        Assert.Equal(error, Assert.Single(run.Errors));
        var closedByPeerFirst = error is FrameError.InvalidClosePayload or FrameError.InvalidCloseCode or FrameError.InvalidCloseReason;
        Assert.Equal(new WebSocketCloseResult(code, run.Result.Reason, CloseInitiator.Local, false, error), run.Result);
        Assert.True(closedByPeerFirst || run.Sent.Count == 1, "nothing but our close frame is sent");
    }

    [Fact]
    public async Task ReceiveAsync_ends_abnormally_when_the_peer_does_not_answer_our_close()
    {
        var run = await ServerHarness.RunAsync([Masked(Text, [0xFF])]);
        Assert.Equal(1007, run.CloseSent.CloseCode);
        Assert.Equal(new WebSocketCloseResult(1007, run.Result.Reason, CloseInitiator.Local, true, FrameError.InvalidUtf8), run.Result);
    }

    [Fact]
    public async Task ReceiveAsync_reports_a_dropped_transport_as_abnormal_closure_1006()
    {
        var run = await ServerHarness.RunEverySplitAsync(Concat(ClientText("one"), Masked(Text, "tw"u8, fin: false)));
        Assert.Equal(["one"], run.Texts);
        Assert.Empty(run.Sent);
        Assert.Equal(new WebSocketCloseResult(1006, "", CloseInitiator.Remote, true, FrameError.None), run.Result);
    }

    [Fact]
    public async Task ReceiveAsync_ignores_frames_after_the_peer_closed()
    {
        var run = await ServerHarness.RunEverySplitAsync(Concat(CloseNormal, ClientText("late"), Masked(Ping, "p"u8)));
        Assert.Empty(run.Messages);
        Assert.Equal([Close], run.Sent.Select(frame => frame.Opcode));
    }

    [Fact]
    public async Task ReceiveAsync_drains_frames_after_our_close_until_the_peers_close()
    {
        // After the violation the client still sends a data frame and a ping before answering: both are discarded.
        var run = await ServerHarness.RunEverySplitAsync(Concat(Masked(3, "x"u8), ClientText("ignored"), Masked(Ping, "p"u8), CloseNormal));
        Assert.Empty(run.Messages);
        Assert.Equal([Close], run.Sent.Select(frame => frame.Opcode));
        Assert.False(run.Result.Abnormal);
    }

    [Fact]
    public async Task ReceiveAsync_discards_raw_bytes_after_an_undecodable_length()
    {
        var bad = Build(Binary, [], maskKey: [1, 2, 3, 4], lengthBytes: 8, announcedLength: ulong.MaxValue);
        var run = await ServerHarness.RunEverySplitAsync(Concat(bad, CloseNormal));
        Assert.Equal(1002, run.CloseSent.CloseCode);
        Assert.Equal(FrameError.PayloadLengthOutOfRange, run.Result.Error);
        Assert.True(run.Result.Abnormal); // boundaries are lost: the peer's close cannot be recognised
    }
}
