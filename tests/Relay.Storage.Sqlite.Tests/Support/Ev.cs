using Relay.Nostr.Crypto;
using Relay.Nostr.Events;

namespace Relay.Storage.Sqlite.Tests.Support;

/// <summary>Builds signed events for tests (real BIP-340 signatures; see <see cref="FastSigner"/> for bulk data).</summary>
internal static class Ev
{
    public const long Now = 1_763_700_000;

    public static NostrEvent Make(SecretKey key, long createdAt, int kind, string content = "", params string[][] tags) =>
        NostrEvent.Create(key, createdAt, kind, tags.Select(t => new NostrTag(t)), content);

    public static NostrEvent Note(SecretKey key, long createdAt, string content = "note", params string[][] tags) =>
        Make(key, createdAt, Kinds.TextNote, content, tags);

    /// <summary>A kind-5 deletion request naming ids (<c>e</c>) and addresses (<c>a</c>).</summary>
    public static NostrEvent Deletion(SecretKey key, long createdAt, IEnumerable<EventId>? ids = null, IEnumerable<string>? addresses = null, params string[][] extraTags)
    {
        var tags = new List<string[]>();
        tags.AddRange((ids ?? []).Select(id => new[] { "e", id.ToString() }));
        tags.AddRange((addresses ?? []).Select(a => new[] { "a", a }));
        tags.AddRange(extraTags);
        return Make(key, createdAt, Kinds.Deletion, "", [.. tags]);
    }

    public static string Address(SecretKey key, int kind, string d = "") => $"{kind}:{key.PubKey()}:{d}";

    /// <summary>Events with the same address and created_at, ordered by id (to test NIP-01's lowest-id tie-break).</summary>
    public static (NostrEvent Lower, NostrEvent Higher) TiedPair(SecretKey key, long createdAt, int kind, params string[][] tags)
    {
        var a = Make(key, createdAt, kind, "first", tags);
        var b = Make(key, createdAt, kind, "second", tags);
        return a.Id < b.Id ? (a, b) : (b, a);
    }

    public static string Text(ReadOnlyMemory<byte> json) => System.Text.Encoding.UTF8.GetString(json.Span);
}
