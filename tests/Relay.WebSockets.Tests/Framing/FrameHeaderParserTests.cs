using System.Buffers;
using Relay.WebSockets.Framing;
using Relay.WebSockets.Tests.Support;

namespace Relay.WebSockets.Tests.Framing;

public class FrameHeaderParserTests
{
    private static readonly FrameReadRules Server = new(ExpectMasked: true, AllowedReservedBits: 0, MaxFrameSize: 1 << 20, MaxMessageSize: 1 << 20);
    private static readonly FrameReadRules Client = Server with { ExpectMasked = false };
    private static readonly FrameReadRules ServerWithDeflate = Server with { AllowedReservedBits = FrameHeader.Rsv1 };

    private sealed record Outcome(OperationStatus Status, FrameHeader Header, int HeaderLength, FrameError Error);

    /// <summary>
    /// Parses <paramref name="input"/> whole, as a sequence split at every offset and byte by byte, and as every
    /// prefix: all must agree, and every prefix shorter than the header must ask for more data.
    /// </summary>
    private static Outcome Parse(byte[] input, FrameReadRules rules, bool messageOpen = false, long messageLength = 0)
    {
        var status = FrameHeaderParser.TryParse(input, rules, messageOpen, messageLength, out var header, out var length, out var error);
        var expected = new Outcome(status, header, length, error);
        foreach (var pieces in Splits.Of(input))
        {
            var sequence = Splits.Sequence(pieces);
            var s = FrameHeaderParser.TryParse(sequence, rules, messageOpen, messageLength, out var h, out var l, out var e);
            Assert.Equal(expected, new Outcome(s, h, l, e));
        }

        var decided = false;
        for (var prefix = 0; prefix <= input.Length; prefix++)
        {
            var s = FrameHeaderParser.TryParse(input.AsSpan(0, prefix), rules, messageOpen, messageLength, out var h, out var l, out var e);
            if (s == OperationStatus.NeedMoreData)
            {
                Assert.False(decided, "a verdict must not revert to NeedMoreData");
                Assert.Equal(0, l);
                continue;
            }

            decided = true;
            Assert.Equal(expected, new Outcome(s, h, l, e));
        }

        return expected;
    }

    private static void AssertInvalid(FrameError expected, byte[] input, FrameReadRules rules, bool messageOpen = false, long messageLength = 0)
    {
        var outcome = Parse(input, rules, messageOpen, messageLength);
        Assert.Equal(OperationStatus.InvalidData, outcome.Status);
        Assert.Equal(expected, outcome.Error);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 2)]
    [InlineData(125, 2)]
    [InlineData(126, 4)]
    [InlineData(65535, 4)]
    [InlineData(65536, 10)]
    [InlineData(1 << 20, 10)]
    public void TryParse_reads_all_three_length_encodings_of_masked_client_frames(int length, int lengthFieldEnd)
    {
        var frame = Frames.Build(Frames.Binary, new byte[length], maskKey: [1, 2, 3, 4]);
        var outcome = Parse(frame[..(lengthFieldEnd + 4)], Server);
        Assert.Equal(OperationStatus.Done, outcome.Status);
        Assert.Equal(length, outcome.Header.PayloadLength);
        Assert.Equal(lengthFieldEnd + 4, outcome.HeaderLength);
        Assert.True(outcome.Header.Masked);
        Assert.Equal(0x04030201u, outcome.Header.MaskKey);
        Assert.Equal(WebSocketOpcode.Binary, outcome.Header.Opcode);
        Assert.True(outcome.Header.Fin);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(125)]
    [InlineData(126)]
    [InlineData(65536)]
    public void TryParse_reads_unmasked_server_frames_in_client_mode(int length)
    {
        var frame = Frames.Build(Frames.Text, new byte[length]);
        var header = frame[..(frame.Length - length)];
        var outcome = Parse(header, Client);
        Assert.Equal(OperationStatus.Done, outcome.Status);
        Assert.Equal(length, outcome.Header.PayloadLength);
        Assert.False(outcome.Header.Masked);
        Assert.Equal(header.Length, outcome.HeaderLength);
    }

    [Fact]
    public void TryParse_accepts_a_longer_than_minimal_length_encoding()
    {
        var outcome = Parse(Frames.Build(Frames.Text, "hi"u8, maskKey: [0, 0, 0, 0], lengthBytes: 8)[..14], Server);
        Assert.Equal(OperationStatus.Done, outcome.Status);
        Assert.Equal(2, outcome.Header.PayloadLength);
    }

    [Fact]
    public void TryParse_refuses_a_64_bit_length_with_the_top_bit_set()
    {
        var frame = Frames.Build(Frames.Binary, [], maskKey: [0, 0, 0, 0], lengthBytes: 8, announcedLength: 0x8000_0000_0000_0000);
        AssertInvalid(FrameError.PayloadLengthOutOfRange, frame, Server);
        AssertInvalid(FrameError.PayloadLengthOutOfRange, frame, FrameReadRules.Lenient);
    }

    [Fact]
    public void TryParse_rejects_unmasked_client_frame()
    {
        AssertInvalid(FrameError.UnmaskedFrame, Frames.Build(Frames.Text, "a"u8), Server);
    }

    [Fact]
    public void TryParse_rejects_masked_server_frame_in_client_mode()
    {
        AssertInvalid(FrameError.MaskedFrame, Frames.Masked(Frames.Text, "a"u8), Client);
    }

    [Theory]
    [InlineData(0x40)]
    [InlineData(0x20)]
    [InlineData(0x10)]
    [InlineData(0x70)]
    public void TryParse_rejects_reserved_bits_without_a_negotiated_extension(byte reserved)
    {
        AssertInvalid(FrameError.ReservedBitsSet, Frames.Masked(Frames.Text, "a"u8, reserved: reserved), Server);
    }

    [Fact]
    public void TryParse_accepts_RSV1_on_the_first_data_frame_when_deflate_is_negotiated()
    {
        var outcome = Parse(Frames.Masked(Frames.Text, "a"u8, reserved: 0x40)[..6], ServerWithDeflate);
        Assert.Equal(OperationStatus.Done, outcome.Status);
        Assert.True(outcome.Header.IsCompressed);
    }

    [Fact]
    public void TryParse_rejects_RSV2_even_with_deflate()
    {
        AssertInvalid(FrameError.ReservedBitsSet, Frames.Masked(Frames.Text, "a"u8, reserved: 0x20), ServerWithDeflate);
    }

    [Fact]
    public void TryParse_rejects_RSV1_on_a_continuation_frame()
    {
        AssertInvalid(FrameError.CompressedBitMisplaced, Frames.Masked(Frames.Continuation, "a"u8, reserved: 0x40), ServerWithDeflate,
            messageOpen: true, messageLength: 1);
    }

    [Fact]
    public void TryParse_rejects_RSV1_on_a_control_frame()
    {
        AssertInvalid(FrameError.CompressedBitMisplaced, Frames.Masked(Frames.Ping, "a"u8, reserved: 0x40), ServerWithDeflate);
    }

    [Theory]
    [InlineData(0x3)]
    [InlineData(0x4)]
    [InlineData(0x5)]
    [InlineData(0x6)]
    [InlineData(0x7)]
    [InlineData(0xB)]
    [InlineData(0xC)]
    [InlineData(0xD)]
    [InlineData(0xE)]
    [InlineData(0xF)]
    public void TryParse_rejects_reserved_opcodes(byte opcode)
    {
        AssertInvalid(FrameError.ReservedOpcode, Frames.Masked(opcode, "a"u8), Server);
    }

    [Theory]
    [InlineData(Frames.Ping)]
    [InlineData(Frames.Pong)]
    [InlineData(Frames.Close)]
    public void TryParse_rejects_fragmented_control_frames(byte opcode)
    {
        AssertInvalid(FrameError.FragmentedControlFrame, Frames.Masked(opcode, "a"u8, fin: false), Server);
    }

    [Theory]
    [InlineData(Frames.Ping, 126)]
    [InlineData(Frames.Pong, 200)]
    [InlineData(Frames.Close, 65536)]
    public void TryParse_rejects_control_frames_over_125_bytes(byte opcode, int length)
    {
        AssertInvalid(FrameError.ControlFrameTooLong, Frames.Masked(opcode, new byte[length]), Server);
    }

    [Fact]
    public void TryParse_accepts_a_125_byte_ping()
    {
        var outcome = Parse(Frames.Masked(Frames.Ping, new byte[125])[..6], Server);
        Assert.Equal(OperationStatus.Done, outcome.Status);
        Assert.True(outcome.Header.IsControl);
    }

    [Fact]
    public void TryParse_rejects_a_continuation_with_no_message_open()
    {
        AssertInvalid(FrameError.UnexpectedContinuation, Frames.Masked(Frames.Continuation, "a"u8), Server);
    }

    [Theory]
    [InlineData(Frames.Text)]
    [InlineData(Frames.Binary)]
    public void TryParse_rejects_a_new_data_message_while_a_fragmented_one_is_open(byte opcode)
    {
        AssertInvalid(FrameError.ExpectedContinuation, Frames.Masked(opcode, "a"u8), Server, messageOpen: true, messageLength: 1);
    }

    [Fact]
    public void TryParse_accepts_control_frames_between_fragments()
    {
        var outcome = Parse(Frames.Masked(Frames.Ping, "p"u8)[..6], Server, messageOpen: true, messageLength: 10);
        Assert.Equal(OperationStatus.Done, outcome.Status);
    }

    [Fact]
    public void TryParse_rejects_a_frame_over_the_frame_limit_from_its_header()
    {
        var rules = Server with { MaxFrameSize = 1000 };
        var header = Frames.Build(Frames.Binary, new byte[1001], maskKey: [0, 0, 0, 0])[..8];
        AssertInvalid(FrameError.FrameTooBig, header, rules);
        Assert.Equal(OperationStatus.Done, Parse(Frames.Build(Frames.Binary, new byte[1000], maskKey: [0, 0, 0, 0])[..8], rules).Status);
    }

    [Fact]
    public void TryParse_rejects_a_message_over_the_message_limit_as_soon_as_a_header_announces_it()
    {
        var rules = Server with { MaxMessageSize = 1000, MaxFrameSize = long.MaxValue };
        // A 16 MiB frame is refused from its 14 header bytes, long before any payload exists.
        AssertInvalid(FrameError.MessageTooBig, Frames.Build(Frames.Binary, [], maskKey: [0, 0, 0, 0], lengthBytes: 8, announcedLength: 16 << 20), rules);
        var continuation = Frames.Build(Frames.Continuation, new byte[400], maskKey: [0, 0, 0, 0])[..8];
        AssertInvalid(FrameError.MessageTooBig, continuation, rules, messageOpen: true, messageLength: 601);
        Assert.Equal(OperationStatus.Done, Parse(continuation, rules, messageOpen: true, messageLength: 600).Status);
    }

    [Fact]
    public void TryParse_checks_the_first_byte_before_the_rest_arrives()
    {
        // One byte decides a reserved opcode: no need to wait for the length.
        var status = FrameHeaderParser.TryParse([0x83], Server, false, 0, out _, out _, out var error);
        Assert.Equal(OperationStatus.InvalidData, status);
        Assert.Equal(FrameError.ReservedOpcode, error);
    }

    [Fact]
    public void TryParse_with_lenient_rules_only_delimits_frames()
    {
        var frame = Frames.Build(0x3, new byte[200], fin: false, reserved: 0x70);
        var outcome = Parse(frame[..4], FrameReadRules.Lenient);
        Assert.Equal(OperationStatus.Done, outcome.Status);
        Assert.Equal(200, outcome.Header.PayloadLength);
    }

    [Fact]
    public void ToCloseCode_maps_every_error_to_its_close_code()
    {
        var expected = new Dictionary<FrameError, ushort>
        {
            [FrameError.None] = 1000,
            [FrameError.ReservedBitsSet] = 1002,
            [FrameError.ReservedOpcode] = 1002,
            [FrameError.FragmentedControlFrame] = 1002,
            [FrameError.ControlFrameTooLong] = 1002,
            [FrameError.CompressedBitMisplaced] = 1002,
            [FrameError.UnexpectedContinuation] = 1002,
            [FrameError.ExpectedContinuation] = 1002,
            [FrameError.UnmaskedFrame] = 1002,
            [FrameError.MaskedFrame] = 1002,
            [FrameError.PayloadLengthOutOfRange] = 1002,
            [FrameError.FrameTooBig] = 1009,
            [FrameError.MessageTooBig] = 1009,
            [FrameError.InvalidUtf8] = 1007,
            [FrameError.InvalidClosePayload] = 1002,
            [FrameError.InvalidCloseCode] = 1002,
            [FrameError.InvalidCloseReason] = 1007,
            [FrameError.InvalidCompressedData] = 1007,
        };
        EnumMapping.AssertMapsEveryValue(expected, FrameErrors.ToCloseCode);
    }
}
