using System.Buffers;
using Relay.WebSockets.Framing;
using Relay.WebSockets.Tests.Support;

namespace Relay.WebSockets.Tests.Framing;

public class FrameWriterTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(125L)]
    [InlineData(126L)]
    [InlineData(65535L)]
    [InlineData(65536L)]
    [InlineData(int.MaxValue + 1L)]
    [InlineData(long.MaxValue)]
    public void WriteHeader_uses_the_minimal_length_encoding_and_round_trips(long length)
    {
        foreach (var masked in new[] { false, true })
        {
            var header = new byte[14];
            var written = FrameWriter.WriteHeader(header, fin: true, 0, WebSocketOpcode.Binary, length, masked, 0xDDCCBBAA);
            var expectedLengthField = length < 126 ? 0 : length <= ushort.MaxValue ? 2 : 8;
            Assert.Equal(2 + expectedLengthField + (masked ? 4 : 0), written);
            Assert.Equal(written, FrameWriter.GetHeaderLength(length, masked));

            var rules = new FrameReadRules(masked, 0, long.MaxValue, long.MaxValue);
            Assert.Equal(OperationStatus.Done, FrameHeaderParser.TryParse(header.AsSpan(0, written), rules, false, 0, out var parsed, out var parsedLength, out _));
            Assert.Equal(written, parsedLength);
            Assert.Equal(new FrameHeader(true, 0, WebSocketOpcode.Binary, masked, masked ? 0xDDCCBBAA : 0, length), parsed);
        }
    }

    [Fact]
    public void WriteHeader_writes_the_bytes_of_RFC_6455_section_5_7_examples()
    {
        // §5.7: "A single-frame unmasked text message": 0x81 0x05 "Hello".
        var header = new byte[14];
        Assert.Equal(2, FrameWriter.WriteHeader(header, true, 0, WebSocketOpcode.Text, 5, false, 0));
        Assert.Equal(new byte[] { 0x81, 0x05 }, header[..2]);
        // §5.7: "A single-frame masked text message": 0x81 0x85 0x37 0xfa 0x21 0x3d.
        Assert.Equal(6, FrameWriter.WriteHeader(header, true, 0, WebSocketOpcode.Text, 5, true, 0x3D21FA37));
        Assert.Equal(new byte[] { 0x81, 0x85, 0x37, 0xFA, 0x21, 0x3D }, header[..6]);
        // §5.7: 256 bytes binary in a single unmasked frame: 0x82 0x7E 0x0100.
        Assert.Equal(4, FrameWriter.WriteHeader(header, true, 0, WebSocketOpcode.Binary, 256, false, 0));
        Assert.Equal(new byte[] { 0x82, 0x7E, 0x01, 0x00 }, header[..4]);
        // §5.7: 64 KiB: 0x82 0x7F 0x0000000000010000.
        Assert.Equal(10, FrameWriter.WriteHeader(header, true, 0, WebSocketOpcode.Binary, 65536, false, 0));
        Assert.Equal(new byte[] { 0x82, 0x7F, 0, 0, 0, 0, 0, 1, 0, 0 }, header[..10]);
    }

    [Fact]
    public void WriteHeader_sets_FIN_RSV1_and_opcode_bits()
    {
        var header = new byte[14];
        FrameWriter.WriteHeader(header, fin: false, FrameHeader.Rsv1, WebSocketOpcode.Continuation, 3, false, 0);
        Assert.Equal(0x40, header[0]);
        var decoded = Frames.Decode(Frames.Concat(header[..2], [1, 2, 3]));
        Assert.Single(decoded);
        Assert.False(decoded[0].Fin);
        Assert.Equal(0x40, decoded[0].Reserved);
    }
}
