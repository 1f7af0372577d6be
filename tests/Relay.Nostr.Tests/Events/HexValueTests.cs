using System.Text;
using Relay.Nostr.Events;

namespace Relay.Nostr.Tests.Events;

public class HexValueTests
{
    private const string Hex = "5c83da77af1dec6d7289834998ad7aafbd9e2191396d75ec3cc27f5a77226f36";

    [Fact]
    public void EventId_round_trips_through_lowercase_hex_and_bytes()
    {
        var id = EventId.Parse(Hex);
        Assert.Equal(Hex, id.ToString());
        Assert.Equal(Convert.FromHexString(Hex), id.ToArray());
        Assert.Equal(id, new EventId(id.ToArray()));
        var utf8 = new byte[64];
        id.WriteHex(utf8);
        Assert.Equal(Hex, Encoding.ASCII.GetString(utf8));
        Assert.True(EventId.TryParse(Encoding.ASCII.GetBytes(Hex), out var fromUtf8));
        Assert.Equal(id, fromUtf8);
    }

    [Theory]
    [InlineData("5C83DA77AF1DEC6D7289834998AD7AAFBD9E2191396D75EC3CC27F5A77226F36")]
    [InlineData("5c83da77af1dec6d7289834998ad7aafbd9e2191396d75ec3cc27f5a77226f3")]
    [InlineData("5c83da77af1dec6d7289834998ad7aafbd9e2191396d75ec3cc27f5a77226f366")]
    [InlineData("5c83da77af1dec6d7289834998ad7aafbd9e2191396d75ec3cc27f5a77226f3g")]
    [InlineData("5c83da77af1dec6d7289834998ad7aafbd9e2191396d75ec3cc27f5a77226f3 ")]
    [InlineData("")]
    public void Hex_values_accept_only_64_lowercase_hex_digits(string text)
    {
        Assert.False(EventId.TryParse(text, out _));
        Assert.False(PublicKey.TryParse(text, out _));
        Assert.False(EventId.TryParse(Encoding.UTF8.GetBytes(text), out _));
    }

    [Fact]
    public void Ordering_is_the_lexical_order_of_the_hex_text()
    {
        var texts = new[] { Hex, new string('0', 64), new string('f', 64), "00" + new string('f', 62), "0f" + new string('0', 62) };
        var byText = texts.Order(StringComparer.Ordinal).ToArray();
        var byValue = texts.Select(t => EventId.Parse(t)).Order().Select(id => id.ToString()).ToArray();
        Assert.Equal(byText, byValue);
        Assert.True(EventId.Parse(new string('0', 64)) < EventId.Parse(Hex));
    }

    [Fact]
    public void Equal_values_have_equal_hash_codes_and_different_values_differ()
    {
        var a = PublicKey.Parse(Hex);
        var b = PublicKey.Parse(Hex);
        var c = PublicKey.Parse(new string('0', 64));
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.True(a != c);
    }

    [Fact]
    public void Signature_round_trips_128_hex_characters_and_rejects_uppercase()
    {
        var hex = Hex + new string('a', 64);
        Assert.True(Signature.TryParse(hex, out var sig));
        Assert.Equal(hex, sig.ToString());
        Assert.Equal(sig, new Signature(sig.ToArray()));
        Assert.False(Signature.TryParse(hex.ToUpperInvariant(), out _));
        Assert.False(Signature.TryParse(hex[..127], out _));
        Assert.False(Signature.TryParse(Encoding.ASCII.GetBytes(hex + "0"), out _));
    }
}
