using System.Text;
using Relay.WebSockets.Messages;

namespace Relay.WebSockets.Tests.Messages;

/// <summary>
/// Markus Kuhn's UTF-8 decoder stress test, as Autobahn|Testsuite's cases 6.5-6.23 use it, and every code point.
/// </summary>
public class Utf8TestSequencesTests
{
    private static bool Validate(byte[] bytes)
    {
        var validator = new Utf8Validator();
        return validator.TryAppend(bytes) && validator.IsComplete;
    }

    [Theory]
    // 1: some correct UTF-8 text
    [InlineData("68656c6c6f24776f726c64", true)]
    [InlineData("68656c6c6fc2a2776f726c64", true)]
    [InlineData("68656c6c6fe282ac776f726c64", true)]
    [InlineData("68656c6c6ff0a4ada2776f726c64", true)]
    [InlineData("cebae1bdb9cf83cebcceb5", true)]
    // 2.1/2.2: first and last sequences of each length, 5/6-byte forms invalid
    [InlineData("00", true)]
    [InlineData("c280", true)]
    [InlineData("e0a080", true)]
    [InlineData("f0908080", true)]
    [InlineData("f888808080", false)]
    [InlineData("fc8480808080", false)]
    [InlineData("7f", true)]
    [InlineData("dfbf", true)]
    [InlineData("efbfbf", true)]
    [InlineData("f48fbfbf", true)]
    [InlineData("f7bfbfbf", false)]
    [InlineData("fbbfbfbfbf", false)]
    [InlineData("fdbfbfbfbfbf", false)]
    // 2.3: other boundary conditions
    [InlineData("ed9fbf", true)]
    [InlineData("ee8080", true)]
    [InlineData("efbfbd", true)]
    [InlineData("f4908080", false)]
    // 3.1: unexpected continuation bytes
    [InlineData("80", false)]
    [InlineData("bf", false)]
    [InlineData("80bf80bf80bf", false)]
    // 3.3: last continuation byte missing
    [InlineData("c0", false)]
    [InlineData("e080", false)]
    [InlineData("f08080", false)]
    [InlineData("df", false)]
    [InlineData("efbf", false)]
    [InlineData("f7bfbf", false)]
    // 3.5: impossible bytes
    [InlineData("fe", false)]
    [InlineData("ff", false)]
    [InlineData("fefeffff", false)]
    // 4.x: overlong forms
    [InlineData("c0af", false)]
    [InlineData("e080af", false)]
    [InlineData("f08080af", false)]
    [InlineData("c1bf", false)]
    [InlineData("e09fbf", false)]
    [InlineData("f08fbfbf", false)]
    [InlineData("c080", false)]
    [InlineData("e08080", false)]
    // 5.1/5.2: surrogates, single and paired
    [InlineData("eda080", false)]
    [InlineData("edadbf", false)]
    [InlineData("edbfbf", false)]
    [InlineData("eda080edb080", false)]
    [InlineData("edafbfedbfbf", false)]
    // 5.3: non-characters and specials are valid UTF-8
    [InlineData("efbfbe", true)]
    [InlineData("f48fbfbe", true)]
    [InlineData("f3afbfbf", true)]
    [InlineData("efbfb9", true)]
    public void Validator_agrees_with_the_UTF8_decoder_stress_test(string hex, bool valid)
    {
        Assert.Equal(valid, Validate(Convert.FromHexString(hex)));
    }

    [Fact]
    public void Every_prefix_of_a_valid_string_is_valid_so_far_and_complete_only_at_boundaries()
    {
        var text = Convert.FromHexString("cebae1bdb9cf83cebcceb5");
        int[] boundaries = [0, 2, 5, 7, 9, 11];
        for (var length = 0; length <= text.Length; length++)
        {
            var validator = new Utf8Validator();
            Assert.True(validator.TryAppend(text.AsSpan(0, length)));
            Assert.Equal(boundaries.Contains(length), validator.IsComplete);
        }
    }

    [Fact]
    public void Every_scalar_value_is_valid_and_every_surrogate_is_not()
    {
        Span<byte> buffer = stackalloc byte[4];
        for (var codePoint = 0; codePoint <= 0x10FFFF; codePoint++)
        {
            if (codePoint is >= 0xD800 and <= 0xDFFF)
            {
                // What a careless encoder writes for a lone surrogate: ED A0..BF xx.
                byte[] encoded = [0xED, (byte)(0x80 | ((codePoint >> 6) & 0x3F)), (byte)(0x80 | (codePoint & 0x3F))];
                Assert.False(Validate(encoded), $"U+{codePoint:X4}");
                continue;
            }

            var length = new Rune(codePoint).EncodeToUtf8(buffer);
            Assert.True(Validate(buffer[..length].ToArray()), $"U+{codePoint:X4}");
        }
    }
}
