using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Relay.Nostr.Crypto;
using Relay.Nostr.Events;
using Relay.Nostr.Filters;

namespace Relay.Nostr.Tests.Support;

/// <summary>FsCheck generators for events, filters and damaged messages.</summary>
internal static class Generators
{
    /// <summary>Keys are costly to make; a small pool also makes author filters hit.</summary>
    public static readonly SecretKey[] Keys = [TestEvents.Alice, TestEvents.Bob, SecretKey.FromHex("1c3f4e2f8b7a6d5c4b3a29180706f5e4d3c2b1a09f8e7d6c5b4a392817060504")];

    /// <summary>Characters chosen to hit every escaping rule: controls, quote, backslash, DEL, separators, non-ASCII, astral.</summary>
    private static readonly string[] Pieces =
    [
        "a", "Z", "0", " ", "/", "<", "&", "\"", "\\", "\n", "\r", "\t", "\b", "\f", "\u0000", "\u0001", "\u001f", "\u007f",
        "\u0080", "é", "ß", "İ", "Σ", "\u2028", "\u2029", "\ufeff", "\ufffd", "日本", "😀", "👩‍👩‍👧", "𝔘", ":", "nostr", "hello",
    ];

    public static Gen<string> Text(int maxPieces) =>
        Gen.Choose(0, maxPieces).SelectMany(n => Gen.ArrayOf(Gen.Elements(Pieces), n)).Select(string.Concat);

    public static Gen<NostrTag> Tag =>
        from name in Gen.Elements("e", "p", "t", "T", "d", "x", "-", "title", "", "é", "relay")
        from values in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Text(4), n))
        select new NostrTag([name, .. values]);

    public static Gen<long> CreatedAt =>
        Gen.Frequency((3, Gen.Choose(0, int.MaxValue).Select(i => (long)i)), (1, Gen.Elements(0L, 1L, 9_007_199_254_740_991L)));

    public static Gen<int> Kind => Gen.Frequency((3, Gen.Choose(0, 65535)), (2, Gen.Elements(0, 1, 3, 5, 20000, 30000, 39999, 65535)));

    public static Arbitrary<NostrEvent> Events =>
        (from key in Gen.Elements(Keys)
         from createdAt in CreatedAt
         from kind in Kind
         from tags in Gen.Choose(0, 5).SelectMany(n => Gen.ArrayOf(Tag, n))
         from content in Text(20)
         select NostrEvent.Create(key, createdAt, kind, tags, content)).ToArbitrary();

    /// <summary>Events from a small domain, so that random filters match them often.</summary>
    public static Gen<NostrEvent> SmallDomainEvent =>
        from key in Gen.Elements(Keys)
        from createdAt in Gen.Choose(0, 20)
        from kind in Gen.Elements(0, 1, 3, 7, 30023)
        from tags in Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(SmallTag, n))
        from content in Gen.Elements("Hello Nostr", "hello world", "RELAY news", "", "nostr relay hello")
        select NostrEvent.Create(key, createdAt, kind, tags, content);

    public static Gen<NostrFilter> SmallDomainFilter(IReadOnlyList<NostrEvent> events) =>
        from ids in Optional(Gen.Elements(events.Select(e => e.Id).Append(EventId.Parse(new string('f', 64))).ToArray()))
        from authors in Optional(Gen.Elements(Keys.Select(k => k.GetPublicKey()).ToArray()))
        from kinds in Optional(Gen.Elements(0, 1, 3, 7, 30023, 4))
        from tags in Gen.Choose(0, 2).SelectMany(n => Gen.ArrayOf(SmallTagFilter, n))
        from since in Gen.OneOf(Gen.Constant<long?>(null), Gen.Choose(0, 20).Select(i => (long?)i))
        from until in Gen.OneOf(Gen.Constant<long?>(null), Gen.Choose(0, 20).Select(i => (long?)i))
        from search in Gen.OneOf(Gen.Constant<string?>(null), Gen.Elements<string?>("hello", "NOSTR hello", "relay include:spam", "world news", "", "  "))
        select new NostrFilter
        {
            Ids = ids,
            Authors = authors,
            Kinds = kinds,
            Tags = [.. tags.DistinctBy(t => t.Letter)],
            Since = since,
            Until = until,
            Search = search,
        };

    /// <summary>Valid messages to damage: every verb, with escapes and nesting.</summary>
    public static string[] Seeds()
    {
        var e = TestEvents.TypicalNote;
        return
        [
            $"[\"EVENT\",{e}]",
            $"[\"AUTH\",{e}]",
            $"[\"REQ\",\"sub\\u00e9\",{{\"ids\":[\"{e.Id}\"],\"authors\":[\"{e.PubKey}\"],\"kinds\":[1,2],\"#t\":[\"a\"],\"since\":1,\"until\":2,\"limit\":3,\"search\":\"x\"}},{{}}]",
            "[\"COUNT\",\"c\",{\"#p\":[\"" + e.PubKey + "\"]}]",
            "[\"CLOSE\",\"sub\"]",
            "[\"NEG-OPEN\",\"n\",{},\"00\"]",
        ];
    }

    public static Arbitrary<byte[]> DamagedMessages =>
        (from seed in Gen.Elements(Seeds())
         from edits in Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Edit, n))
         select edits.Aggregate(Encoding.UTF8.GetBytes(seed), (bytes, edit) => edit(bytes))).ToArbitrary();

    private static readonly byte[] Significant = [.. "[]{}\",:\\/0123456789-+.eEtrufalsn u\t\n"u8, 0x00, 0x01, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xED, 0xF0, 0xFF];

    private static Gen<Func<byte[], byte[]>> Edit =>
        Gen.OneOf(
            from position in Gen.Choose(0, 10_000)
            from value in Gen.Elements(Significant)
            select (Func<byte[], byte[]>)(b => b.Length == 0 ? b : Replace(b, position % b.Length, value)),
            from position in Gen.Choose(0, 10_000)
            from value in Gen.Elements(Significant)
            select (Func<byte[], byte[]>)(b => [.. b.Take(position % (b.Length + 1)), value, .. b.Skip(position % (b.Length + 1))]),
            from position in Gen.Choose(0, 10_000)
            from length in Gen.Choose(1, 40)
            select (Func<byte[], byte[]>)(b => b.Length == 0 ? b : [.. b.Take(position % b.Length), .. b.Skip((position % b.Length) + length)]),
            from position in Gen.Choose(0, 10_000)
            select (Func<byte[], byte[]>)(b => b.Take(position % (b.Length + 1)).ToArray()));

    private static byte[] Replace(byte[] bytes, int index, byte value)
    {
        var copy = (byte[])bytes.Clone();
        copy[index] = value;
        return copy;
    }

    private static Gen<NostrTag> SmallTag =>
        from name in Gen.Elements("e", "p", "t", "T", "d", "x", "title")
        from values in Gen.Choose(0, 2).SelectMany(n => Gen.ArrayOf(Gen.Elements("a", "b", "c", "", new string('a', 64)), n))
        select new NostrTag([name, .. values]);

    /// <summary>NIP-01 requires hex values for #e and #p, so those draw from hex only.</summary>
    private static Gen<TagFilter> SmallTagFilter =>
        from letter in Gen.Elements('e', 'p', 't', 'T', 'd', 'x')
        from values in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(
            letter is 'e' or 'p' ? Gen.Elements(new string('a', 64), new string('b', 64)) : Gen.Elements("a", "b", "c", "", new string('a', 64)), n))
        select new TagFilter(letter, [.. values]);

    private static Gen<System.Collections.Immutable.ImmutableArray<T>?> Optional<T>(Gen<T> item) =>
        Gen.Frequency(
            (3, Gen.Constant<System.Collections.Immutable.ImmutableArray<T>?>(null)),
            (3, Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(item, n)).Select(a => (System.Collections.Immutable.ImmutableArray<T>?)[.. a])));
}
