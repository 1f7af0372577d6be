using System.Security.Cryptography;
using System.Text;
using Relay.Nostr.Events;

namespace Relay.Nostr.Tests.Support;

/// <summary>Builds event JSON field by field from raw JSON values, to make malformed variants of a valid event.</summary>
internal sealed class EventJsonBuilder
{
    private readonly List<(string Key, string Raw)> _fields;

    private EventJsonBuilder(IEnumerable<(string, string)> fields) => _fields = [.. fields];

    /// <summary>The fields of a valid, signed event, in canonical order.</summary>
    public static EventJsonBuilder From(NostrEvent e) =>
        new([
            ("id", Quote(e.Id.ToString())),
            ("pubkey", Quote(e.PubKey.ToString())),
            ("created_at", e.CreatedAt.ToString()),
            ("kind", e.Kind.ToString()),
            ("tags", RawOf(e, "tags")),
            ("content", RawOf(e, "content")),
            ("sig", Quote(e.Sig.ToString())),
        ]);

    /// <summary>
    /// An event whose id is computed here, independently of the library: SHA-256 of the NIP-01 array written
    /// by hand from canonical raw JSON. The signature is a placeholder (parsing does not verify it).
    /// </summary>
    public static EventJsonBuilder WithComputedId(PublicKey pubKey, long createdAt, int kind, string tagsRaw, string contentRaw)
    {
        var preimage = $"[0,\"{pubKey}\",{createdAt},{kind},{tagsRaw},{contentRaw}]";
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(preimage)));
        return new([
            ("id", Quote(id)),
            ("pubkey", Quote(pubKey.ToString())),
            ("created_at", createdAt.ToString()),
            ("kind", kind.ToString()),
            ("tags", tagsRaw),
            ("content", contentRaw),
            ("sig", Quote(new string('a', 128))),
        ]);
    }

    public string Id => _fields.First(f => f.Key == "id").Raw.Trim('"');

    public EventJsonBuilder Set(string key, string raw)
    {
        var copy = new EventJsonBuilder(_fields);
        var index = copy._fields.FindIndex(f => f.Key == key);
        copy._fields[index] = (key, raw);
        return copy;
    }

    public EventJsonBuilder Remove(string key) => new(_fields.Where(f => f.Key != key));

    public EventJsonBuilder Add(string key, string raw) => new([.. _fields, (key, raw)]);

    public EventJsonBuilder MoveToEnd(string key) => new([.. _fields.Where(f => f.Key != key), .. _fields.Where(f => f.Key == key)]);

    public override string ToString() => "{" + string.Join(",", _fields.Select(f => $"{Quote(f.Key)}:{f.Raw}")) + "}";

    private static string Quote(string s) => "\"" + s + "\"";

    private static string RawOf(NostrEvent e, string key)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(e.Json);
        return doc.RootElement.GetProperty(key).GetRawText();
    }
}
