using System.Text;
using Relay.Nostr.Json;

namespace Relay.Nostr.Tests.Json;

public class NostrJsonEscaperTests
{
    public static TheoryData<int, string> ControlCharacters()
    {
        var data = new TheoryData<int, string>();
        for (var c = 0; c < 0x20; c++)
        {
            var expected = c switch
            {
                0x08 => "\\b",
                0x09 => "\\t",
                0x0A => "\\n",
                0x0C => "\\f",
                0x0D => "\\r",
                _ => "\\u00" + c.ToString("x2"),
            };
            data.Add(c, expected);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ControlCharacters))]
    public void Escape_writes_each_C0_control_as_NIP01_requires(int control, string expected)
    {
        Assert.Equal(expected, Escape(((char)control).ToString()));
    }

    [Theory]
    [InlineData("\"", "\\\"")]
    [InlineData("\\", "\\\\")]
    public void Escape_writes_quote_and_backslash_as_two_characters(string input, string expected)
    {
        Assert.Equal(expected, Escape(input));
    }

    [Theory]
    [InlineData("\u007f")]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    [InlineData("/")]
    [InlineData("<>&'")]
    [InlineData("é日本😀")]
    [InlineData("\ufeff\ufffd\uffff")]
    public void Escape_keeps_every_other_character_verbatim(string input)
    {
        Assert.Equal(input, Escape(input));
    }

    [Fact]
    public void Escape_uses_lowercase_hex_like_JSON_stringify()
    {
        Assert.Equal("\\u001f\\u001b", Escape("\u001f\u001b"));
    }

    [Fact]
    public void Escaped_length_matches_what_escape_writes_for_every_byte_value()
    {
        for (var b = 0; b < 0x80; b++)
        {
            var input = new[] { (byte)'a', (byte)b, (byte)'z' };
            var output = new byte[input.Length * NostrJsonEscaper.MaxExpansion];
            var written = NostrJsonEscaper.Escape(input, output);
            Assert.Equal(written, NostrJsonEscaper.GetEscapedLength(input));
        }
    }

    [Fact]
    public void Utf16_and_utf8_paths_write_identical_bytes()
    {
        var text = "a\u0000b\"c\\d\n\u001f\u007f\u2028é😀 end";
        var fromUtf8 = Escape(text);
        var buffer = new byte[NostrJsonEscaper.GetMaxUtf16EscapedLength(text.Length)];
        var written = NostrJsonEscaper.EscapeUtf16(text, buffer);
        Assert.Equal(fromUtf8, Encoding.UTF8.GetString(buffer, 0, written));
    }

    [Fact]
    public void Utf16_path_replaces_unpaired_surrogates_in_relay_text()
    {
        var buffer = new byte[64];
        var written = NostrJsonEscaper.EscapeUtf16("a\ud800b", buffer);
        Assert.Equal("a\ufffdb", Encoding.UTF8.GetString(buffer, 0, written));
    }

    private static string Escape(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var output = new byte[NostrJsonEscaper.GetEscapedLength(utf8)];
        var written = NostrJsonEscaper.Escape(utf8, output);
        Assert.Equal(output.Length, written);
        return Encoding.UTF8.GetString(output);
    }
}
