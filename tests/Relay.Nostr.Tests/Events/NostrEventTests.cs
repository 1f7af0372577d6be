using Relay.Nostr.Events;
using Relay.Nostr.Tests.Support;

namespace Relay.Nostr.Tests.Events;

public class NostrEventTests
{
    private static readonly string Other = new('b', 64);

    [Fact]
    public void DTag_is_the_first_d_value_or_empty()
    {
        Assert.Equal("", TestEvents.Note(kind: 30023).DTag);
        Assert.Equal("", TestEvents.Note(kind: 30023, tags: new NostrTag("d")).DTag);
        Assert.Equal("a:b/c", TestEvents.Note(kind: 30023, tags: [new NostrTag("d", "a:b/c"), new NostrTag("d", "second")]).DTag);
    }

    [Fact]
    public void Address_depends_on_the_kind_class()
    {
        var addressable = TestEvents.Note(kind: 30023, tags: new NostrTag("d", "x"));
        Assert.Equal(new EventAddress(30023, addressable.PubKey, "x"), addressable.Address);
        Assert.Equal(new EventAddress(0, addressable.PubKey, ""), TestEvents.Note(kind: 0, tags: new NostrTag("d", "ignored")).Address);
        Assert.Null(TestEvents.Note(kind: 1).Address);
        Assert.Null(TestEvents.Note(kind: 20001).Address);
        Assert.Equal($"30023:{addressable.PubKey}:x", addressable.Address!.Value.ToString());
    }

    [Fact]
    public void Expiration_comes_from_the_first_expiration_tag()
    {
        var e = TestEvents.Note(tags: [new NostrTag("expiration", "2000"), new NostrTag("expiration", "junk")]);
        Assert.Equal(2000, e.Expiration);
        Assert.False(e.IsExpired(1999));
        Assert.True(e.IsExpired(2000));
        Assert.Null(TestEvents.Note().Expiration);
        Assert.False(TestEvents.Note().IsExpired(long.MaxValue));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("")]
    [InlineData("9007199254740992")]
    public void Create_refuses_an_expiration_the_parser_would_refuse(string value)
    {
        Assert.Throws<ArgumentException>(() => TestEvents.Note(tags: new NostrTag("expiration", value)));
    }

    [Fact]
    public void Protected_marker_is_the_dash_tag()
    {
        Assert.True(TestEvents.Note(tags: new NostrTag("-")).IsProtected);
        Assert.False(TestEvents.Note(tags: new NostrTag("t", "-")).IsProtected);
    }

    [Fact]
    public void Deletion_targets_are_e_ids_and_a_addresses_of_kind_5_only()
    {
        var target = TestEvents.Note("to delete");
        var deletion = TestEvents.Note(
            "oops",
            kind: Kinds.Deletion,
            tags:
            [
                new NostrTag("e", target.Id.ToString()),
                new NostrTag("e", "not-an-id"),
                new NostrTag("a", $"30023:{target.PubKey}:my:article"),
                new NostrTag("a", $"10002:{target.PubKey}:"),
                new NostrTag("a", "70000:" + Other + ":x"),
                new NostrTag("a", "1:" + Other),
                new NostrTag("k", "1"),
            ]);

        var targets = deletion.GetDeletionTargets();
        Assert.Equal([target.Id], targets.EventIds.ToArray());
        Assert.Equal(
            [new EventAddress(30023, target.PubKey, "my:article"), new EventAddress(10002, target.PubKey, "")],
            targets.Addresses.ToArray());
        Assert.Same(DeletionTargets.None, TestEvents.Note(tags: new NostrTag("e", target.Id.ToString())).GetDeletionTargets());
    }

    [Fact]
    public void Indexed_tags_are_single_letter_tags_with_a_value()
    {
        var e = TestEvents.Note(tags: [new NostrTag("e", "x", "y"), new NostrTag("p"), new NostrTag("title", "t"), new NostrTag("Z", "z"), new NostrTag("1", "n")]);
        var indexed = new List<(char, string)>();
        foreach (var pair in e.EnumerateIndexedTags())
        {
            indexed.Add(pair);
        }

        Assert.Equal([('e', "x"), ('Z', "z")], indexed);
        Assert.Equal("t", e.GetFirstTagValue("title"));
        Assert.Null(e.GetFirstTagValue("p"));
        Assert.Null(e.GetFirstTagValue("missing"));
    }

    [Fact]
    public void Create_refuses_values_NIP01_does_not_allow()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TestEvents.Note(kind: 65536));
        Assert.Throws<ArgumentOutOfRangeException>(() => TestEvents.Note(createdAt: -1));
        Assert.Throws<ArgumentException>(() => TestEvents.Note("\ud800"));
        Assert.Throws<ArgumentException>(() => new NostrTag(ReadOnlySpan<string>.Empty));
        Assert.Throws<ArgumentException>(() => TestEvents.Note(tags: default(NostrTag)));
    }
}
