using Relay.WebSockets.Framing;
using Relay.WebSockets.Tests.Support;

namespace Relay.WebSockets.Tests.Framing;

public class ClosePayloadTests
{
    [Theory]
    [InlineData(1000)]
    [InlineData(1001)]
    [InlineData(1002)]
    [InlineData(1003)]
    [InlineData(1007)]
    [InlineData(1008)]
    [InlineData(1009)]
    [InlineData(1010)]
    [InlineData(1011)]
    [InlineData(1012)]
    [InlineData(1013)]
    [InlineData(1014)]
    [InlineData(3000)]
    [InlineData(3999)]
    [InlineData(4000)]
    [InlineData(4999)]
    public void TryParse_accepts_codes_that_may_be_sent(int code)
    {
        Assert.True(ClosePayload.TryParse(Frames.CloseBody((ushort)code, "ok"), out var parsed, out var reason, out var error));
        Assert.Equal(code, parsed);
        Assert.Equal("ok"u8.ToArray(), reason.ToArray());
        Assert.Equal(FrameError.None, error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(999)]
    [InlineData(1004)]
    [InlineData(1005)]
    [InlineData(1006)]
    [InlineData(1015)]
    [InlineData(1016)]
    [InlineData(1100)]
    [InlineData(2000)]
    [InlineData(2999)]
    [InlineData(5000)]
    [InlineData(65535)]
    public void TryParse_rejects_codes_that_may_not_be_sent_with_1002(int code)
    {
        Assert.False(ClosePayload.TryParse(Frames.CloseBody((ushort)code), out _, out _, out var error));
        Assert.Equal(FrameError.InvalidCloseCode, error);
        Assert.Equal(1002, FrameErrors.ToCloseCode(error));
    }

    [Fact]
    public void TryParse_rejects_a_one_byte_payload_with_1002()
    {
        Assert.False(ClosePayload.TryParse([0x03], out _, out _, out var error));
        Assert.Equal(FrameError.InvalidClosePayload, error);
        Assert.Equal(1002, FrameErrors.ToCloseCode(error));
    }

    [Fact]
    public void TryParse_rejects_a_reason_that_is_not_UTF8_with_1007()
    {
        byte[] payload = [0x03, 0xE8, 0xCE, 0xBA, 0xE1, 0xBD, 0xB9, 0xCF, 0x83, 0xCE, 0xBC, 0xCE, 0xB5, 0xED, 0xA0, 0x80];
        Assert.False(ClosePayload.TryParse(payload, out _, out _, out var error));
        Assert.Equal(FrameError.InvalidCloseReason, error);
        Assert.Equal(1007, FrameErrors.ToCloseCode(error));
    }

    [Fact]
    public void TryParse_reads_an_empty_payload_as_no_status()
    {
        Assert.True(ClosePayload.TryParse([], out var code, out var reason, out _));
        Assert.Equal(WebSocketCloseCode.NoStatusReceived, code);
        Assert.True(reason.IsEmpty);
    }

    [Fact]
    public void Write_truncates_a_long_reason_at_a_character_boundary_within_123_bytes()
    {
        var payload = new byte[125];
        var written = ClosePayload.Write(payload, 1000, new string('é', 100));
        Assert.Equal(2 + 122, written); // 61 two-byte characters fit in 123 bytes
        Assert.True(ClosePayload.TryParse(payload.AsSpan(0, written), out var code, out _, out _));
        Assert.Equal(1000, code);
        Assert.Equal(written, ClosePayload.GetLength(1000, new string('é', 100)));
        Assert.Equal(0, ClosePayload.Write(payload, WebSocketCloseCode.NoStatusReceived, "ignored"));
    }
}
