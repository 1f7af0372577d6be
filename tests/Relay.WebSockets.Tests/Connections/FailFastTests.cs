using Relay.WebSockets.Compression;
using Relay.WebSockets.Framing;
using Relay.WebSockets.Internal;
using Relay.WebSockets.Tests.Support;
using static Relay.WebSockets.Tests.Support.Frames;

namespace Relay.WebSockets.Tests.Connections;

/// <summary>
/// Violations are answered as soon as the offending bytes arrive: the script stops right after them and the
/// rest of the message never comes, yet the close frame is written.
/// </summary>
public class FailFastTests
{
    private static async Task<(ushort Code, FrameError Error)> CloseWrittenWhileWaitingAsync(byte[][] pieces,
        WebSocketConnectionOptions? options = null, PerMessageDeflateParameters? deflate = null)
    {
        var stream = new ScriptedStream(pieces) { HoldOpen = true };
        var observer = new RecordingObserver();
        var connection = new WebSocketConnection(new StreamTransport(stream, false), true, options ?? ServerHarness.SmallLimits,
            deflate, null, observer, null);
        await using (connection)
        {
            var receiving = connection.ReceiveAsync().AsTask();
            var written = await stream.WaitForWrittenAsync(bytes => Decode(bytes).Any(frame => frame.Opcode == Close));
            Assert.False(receiving.IsCompleted); // still waiting for the peer's close: nothing was delivered
            await connection.DisposeAsync();
            Assert.True((await receiving.WaitAsync(TimeSpan.FromSeconds(10))).IsClose);
            return (Decode(written).Single(frame => frame.Opcode == Close).CloseCode, Assert.Single(observer.ProtocolErrors));
        }
    }

    [Fact]
    public async Task Invalid_UTF8_in_a_middle_fragment_closes_1007_before_the_message_ends()
    {
        // Autobahn 6.4.1: the second fragment holds F4 90, which no continuation can make valid.
        var result = await CloseWrittenWhileWaitingAsync([
            Masked(Text, Convert.FromHexString("cebae1bdb9cf83cebcceb5"), fin: false),
            Masked(Continuation, Convert.FromHexString("f4908080"), fin: false),
        ]);
        Assert.Equal((1007, FrameError.InvalidUtf8), result);
    }

    [Fact]
    public async Task Invalid_UTF8_in_the_middle_of_a_frame_closes_1007_before_the_frame_ends()
    {
        // Autobahn 6.4.3: one frame arriving in chops; the second chop is invalid, the third never comes.
        var frame = Masked(Text, Convert.FromHexString("cebae1bdb9cf83cebcceb5f4908080656469746564"));
        var result = await CloseWrittenWhileWaitingAsync([frame[..(6 + 11)], frame[(6 + 11)..(6 + 13)]]);
        Assert.Equal((1007, FrameError.InvalidUtf8), result);
    }

    [Fact]
    public async Task A_header_announcing_too_big_a_message_closes_1009_without_any_payload()
    {
        var header = Build(Binary, [], maskKey: [1, 2, 3, 4], lengthBytes: 8, announcedLength: 16UL << 20);
        var limits = new WebSocketConnectionOptions { MaxFrameSize = 32 << 20, MaxMessageSize = 64 * 1024 };
        Assert.Equal((1009, FrameError.MessageTooBig), await CloseWrittenWhileWaitingAsync([header], limits));
        Assert.Equal((1009, FrameError.FrameTooBig), await CloseWrittenWhileWaitingAsync([header]));
    }

    [Fact]
    public async Task A_compression_bomb_closes_1009_while_inflating()
    {
        var bomb = RawDeflate.CompressOnce(new byte[8 << 20]); // 8 MiB of zeros in ~8 KiB
        var frame = Masked(Binary, bomb, reserved: 0x40);
        var deflate = new PerMessageDeflateParameters(false, false, 15, 15);
        // Only part of the compressed frame arrives: inflation already passes the 64 KiB limit.
        Assert.Equal((1009, FrameError.MessageTooBig), await CloseWrittenWhileWaitingAsync([frame[..(frame.Length / 2)]], deflate: deflate));
    }
}
