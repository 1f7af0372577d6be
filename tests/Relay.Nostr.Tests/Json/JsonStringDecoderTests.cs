using System.Text;
using Relay.Nostr.Json;

namespace Relay.Nostr.Tests.Json;

public class JsonStringDecoderTests
{
    [Theory]
    [InlineData("\\/", "/")]
    [InlineData("\\u00e9", "é")]
    [InlineData("\\u00E9", "é")]
    [InlineData("\\ud83d\\ude00", "😀")]
    [InlineData("\\uD83D\\uDE00", "😀")]
    [InlineData("\\\"\\\\\\b\\f\\n\\r\\t", "\"\\\b\f\n\r\t")]
    [InlineData("\\u0000", "\0")]
    [InlineData("\\u2028\\u007f", "\u2028\u007f")]
    [InlineData("plain é", "plain é")]
    public void TryDecode_accepts_every_JSON_escape(string raw, string expected)
    {
        var rawBytes = Encoding.UTF8.GetBytes(raw);
        Assert.True(JsonStringDecoder.TryDecode(rawBytes, raw.Contains('\\'), new byte[rawBytes.Length], out var utf8));
        Assert.Equal(expected, Encoding.UTF8.GetString(utf8));
    }

    [Theory]
    [InlineData("\\ud800")]
    [InlineData("a\\ud800b")]
    [InlineData("\\udc00")]
    [InlineData("\\ud800\\u0041")]
    [InlineData("\\ude00\\ud83d")]
    [InlineData("\\ud83d\\ud83d")]
    public void TryDecode_rejects_unpaired_surrogate_escapes(string raw)
    {
        var rawBytes = Encoding.UTF8.GetBytes(raw);
        Assert.False(JsonStringDecoder.TryDecode(rawBytes, true, new byte[rawBytes.Length], out _));
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xE2, 0x82 })]
    public void TryDecode_rejects_invalid_UTF8_with_and_without_escapes(byte[] raw)
    {
        Assert.False(JsonStringDecoder.TryDecode(raw, false, default, out _));
        var withEscape = "\\n"u8.ToArray().Concat(raw).ToArray();
        Assert.False(JsonStringDecoder.TryDecode(withEscape, true, new byte[withEscape.Length], out _));
    }
}
