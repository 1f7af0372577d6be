using Relay.Nostr.Events;

namespace Relay.Nostr.Tests.Events;

public class KindsTests
{
    [Theory]
    [InlineData(0, KindClass.Replaceable)]
    [InlineData(1, KindClass.Regular)]
    [InlineData(2, KindClass.Regular)]
    [InlineData(3, KindClass.Replaceable)]
    [InlineData(4, KindClass.Regular)]
    [InlineData(5, KindClass.Regular)]
    [InlineData(44, KindClass.Regular)]
    [InlineData(45, KindClass.Regular)]
    [InlineData(999, KindClass.Regular)]
    [InlineData(1000, KindClass.Regular)]
    [InlineData(9999, KindClass.Regular)]
    [InlineData(10000, KindClass.Replaceable)]
    [InlineData(19999, KindClass.Replaceable)]
    [InlineData(20000, KindClass.Ephemeral)]
    [InlineData(22242, KindClass.Ephemeral)]
    [InlineData(29999, KindClass.Ephemeral)]
    [InlineData(30000, KindClass.Addressable)]
    [InlineData(39999, KindClass.Addressable)]
    [InlineData(40000, KindClass.Regular)]
    [InlineData(65535, KindClass.Regular)]
    public void Classify_follows_the_NIP01_ranges_at_every_boundary(int kind, KindClass expected)
    {
        Assert.Equal(expected, Kinds.Classify(kind));
    }
}
