using System.Text;
using Relay.WebSockets.Messages;
using Relay.WebSockets.Tests.Support;

namespace Relay.WebSockets.Tests.Messages;

public class Utf8ValidatorTests
{
    private static readonly string[] Samples = ["a", "é", "κ", "€", "😀", "𐍈", "\u07FF", "\u0800", "\uFFFD", "\U0010FFFF"];

    /// <summary>Random inputs that are mostly valid UTF-8 with occasional damage, so both outcomes are common.</summary>
    private static byte[] RandomInput(Random random, int length)
    {
        var bytes = new List<byte>(length + 4);
        while (bytes.Count < length)
        {
            if (random.Next(8) == 0)
                bytes.Add((byte)random.Next(256));
            else
                bytes.AddRange(Encoding.UTF8.GetBytes(Samples[random.Next(Samples.Length)]));
        }

        return bytes.Take(length).ToArray();
    }

    /// <summary>Feeds the pieces; returns the index of the piece that was rejected, or -1.</summary>
    private static int Feed(byte[][] pieces, out bool complete)
    {
        var validator = new Utf8Validator();
        for (var i = 0; i < pieces.Length; i++)
        {
            if (!validator.TryAppend(pieces[i]))
            {
                complete = false;
                return i;
            }
        }

        complete = validator.IsComplete;
        return -1;
    }

    private static void AssertMatchesReference(byte[] input)
    {
        var invalidAt = Utf8Reference.FirstInvalidByte(input, out var complete);
        foreach (var pieces in Splits.Of(input))
        {
            var rejected = Feed(pieces, out var validatorComplete);
            if (invalidAt < 0)
            {
                Assert.Equal(-1, rejected);
                Assert.Equal(complete, validatorComplete);
                continue;
            }

            // Fail fast: the piece holding the first impossible byte is the one rejected, never a later one.
            var end = 0;
            var expectedPiece = -1;
            for (var i = 0; i < pieces.Length; i++)
            {
                end += pieces[i].Length;
                if (invalidAt < end)
                {
                    expectedPiece = i;
                    break;
                }
            }

            Assert.Equal(expectedPiece, rejected);
        }
    }

    [Fact]
    public void TryAppend_agrees_with_the_scalar_reference_for_every_length_0_to_256_and_every_split()
    {
        var random = new Random(6455);
        for (var length = 0; length <= 256; length++)
        {
            for (var sample = 0; sample < 3; sample++)
                AssertMatchesReference(RandomInput(random, length));
        }
    }

    [Fact]
    public void TryAppend_agrees_with_the_scalar_reference_on_every_two_byte_input()
    {
        for (var first = 0; first < 256; first++)
        {
            for (var second = 0; second < 256; second++)
                AssertMatchesReference([(byte)first, (byte)second]);
        }
    }

    [Theory]
    [InlineData("c0 80", 0)]            // overlong NUL
    [InlineData("c1 bf", 0)]            // overlong
    [InlineData("e0 80 80", 1)]         // overlong 3-byte
    [InlineData("e0 9f bf", 1)]         // overlong 3-byte (U+07FF)
    [InlineData("f0 80 80 80", 1)]      // overlong 4-byte
    [InlineData("f0 8f bf bf", 1)]      // overlong 4-byte (U+FFFF)
    [InlineData("ed a0 80", 1)]         // surrogate U+D800
    [InlineData("ed bf bf", 1)]         // surrogate U+DFFF
    [InlineData("f4 90 80 80", 1)]      // U+110000 (Autobahn 6.4.1's PART2)
    [InlineData("f5 80 80 80", 0)]      // lead byte beyond U+10FFFF
    [InlineData("ff", 0)]
    [InlineData("80", 0)]               // stray continuation
    [InlineData("41 e2 82 41", 3)]      // truncated sequence followed by ASCII
    [InlineData("ce ba e1 bd b9 cf 83 ce bc ce b5 f4 90 80 80 65", 12)] // Autobahn 6.4.x: fails at byte 12
    public void TryAppend_fails_in_the_piece_holding_the_first_invalid_byte(string hex, int invalidIndex)
    {
        var input = Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal(invalidIndex, Utf8Reference.FirstInvalidByte(input, out _));
        AssertMatchesReference(input);
        var validator = new Utf8Validator();
        Assert.True(validator.TryAppend(input.AsSpan(0, invalidIndex)));
        Assert.False(validator.TryAppend(input.AsSpan(invalidIndex, 1)));
    }

    [Theory]
    [InlineData("e2 82")]       // € without its last byte
    [InlineData("f0 9f 98")]    // 😀 without its last byte
    [InlineData("c3")]
    public void IsComplete_is_false_when_the_input_ends_inside_a_code_point(string hex)
    {
        var validator = new Utf8Validator();
        Assert.True(validator.TryAppend(Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal))));
        Assert.False(validator.IsComplete);
    }

    [Fact]
    public void TryAppend_accepts_a_code_point_split_across_every_fragment_boundary()
    {
        var text = Encoding.UTF8.GetBytes("κόσμε 😀 € \U0010FFFF end");
        for (var split = 0; split <= text.Length; split++)
        {
            var validator = new Utf8Validator();
            Assert.True(validator.TryAppend(text.AsSpan(0, split)));
            Assert.True(validator.TryAppend(text.AsSpan(split)));
            Assert.True(validator.IsComplete);
        }
    }

    [Fact]
    public void TryAppend_accepts_long_ascii_and_long_multibyte_text()
    {
        var validator = new Utf8Validator();
        Assert.True(validator.TryAppend(Encoding.UTF8.GetBytes(new string('x', 100_000))));
        Assert.True(validator.TryAppend(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("κόσμε😀", 10_000)))));
        Assert.True(validator.IsComplete);
    }
}
