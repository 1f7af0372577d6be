using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;

namespace Relay.Nostr.Events;

/// <summary>
/// A Nostr event (NIP-01), immutable. Besides its fields it holds its canonical JSON, computed once:
/// the one normal form the relay stores and sends (field order id, pubkey, created_at, kind, tags,
/// content, sig; NIP-01 escaping; no whitespace), so the same bytes go to every subscriber.
/// </summary>
/// <remarks>
/// Instances come from the parser (<c>ClientMessageParser</c>, <see cref="TryParse"/>), whose id check has
/// passed, or from <see cref="Create"/>. Neither checks the signature: call <see cref="VerifySignature"/>
/// after looking for duplicates by <see cref="Id"/>. Immutable, so safe to share between threads.
/// </remarks>
public sealed partial class NostrEvent
{
    private readonly byte[] _json;
    private readonly NostrTag[] _tags;

    internal NostrEvent(
        EventId id, PublicKey pubKey, long createdAt, int kind, NostrTag[] tags, string content, Signature sig,
        byte[] json, in TagFacts facts)
    {
        Id = id;
        PubKey = pubKey;
        CreatedAt = createdAt;
        Kind = kind;
        _tags = tags;
        Content = content;
        Sig = sig;
        _json = json;
        DTag = facts.DTag;
        Expiration = facts.Expiration;
        IsProtected = facts.IsProtected;
    }

    /// <summary>The id: SHA-256 of the NIP-01 serialisation, checked against the fields when parsed.</summary>
    public EventId Id { get; }

    /// <summary>The author.</summary>
    public PublicKey PubKey { get; }

    /// <summary>Unix time in seconds, 0 to 2^53 − 1.</summary>
    public long CreatedAt { get; }

    /// <summary>Kind, 0 to 65535.</summary>
    public int Kind { get; }

    /// <summary>The tags, in order.</summary>
    public ImmutableArray<NostrTag> Tags => ImmutableCollectionsMarshal.AsImmutableArray(_tags);

    /// <summary>The content.</summary>
    public string Content { get; }

    /// <summary>The BIP-340 signature of <see cref="Id"/> by <see cref="PubKey"/> (not verified by parsing).</summary>
    public Signature Sig { get; }

    /// <summary>The canonical JSON object, UTF-8: store these bytes and send them unchanged.</summary>
    public ReadOnlyMemory<byte> Json => _json;

    /// <summary>How NIP-01 says to store this kind.</summary>
    public KindClass KindClass => Kinds.Classify(Kind);

    /// <summary>
    /// The first <c>d</c> tag's value, "" when there is none (or it has no value). Together with kind and
    /// pubkey it is the key of an addressable event (NIP-01).
    /// </summary>
    public string DTag { get; }

    /// <summary>
    /// NIP-40 expiration (unix seconds) from the first <c>expiration</c> tag, or null. An unparseable value
    /// never gets this far: the parser refuses the event, as strfry does, rather than keep forever what
    /// the author meant to expire.
    /// </summary>
    public long? Expiration { get; }

    /// <summary>
    /// True when the event carries NIP-70's <c>["-"]</c> tag: a relay must refuse it unless the connection
    /// is authenticated (NIP-42) as its author.
    /// </summary>
    public bool IsProtected { get; }

    /// <summary>
    /// The address of a replaceable (kind, pubkey, "") or addressable (kind, pubkey, d) event; null for
    /// regular and ephemeral kinds.
    /// </summary>
    public EventAddress? Address => KindClass switch
    {
        KindClass.Replaceable => new EventAddress(Kind, PubKey, ""),
        KindClass.Addressable => new EventAddress(Kind, PubKey, DTag),
        _ => null,
    };

    /// <summary>NIP-40: true once <paramref name="unixNow"/> has reached the expiration time.</summary>
    public bool IsExpired(long unixNow) => Expiration is { } expiration && expiration <= unixNow;

    /// <summary>Value (element 1) of the first tag named <paramref name="name"/>, or null.</summary>
    public string? GetFirstTagValue(string name)
    {
        foreach (var tag in _tags)
        {
            if (string.Equals(tag.Name, name, StringComparison.Ordinal))
            {
                return tag.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// The (letter, value) pairs a relay indexes: every tag whose name is a single ASCII letter and that
    /// has a value; only the first value of a tag is indexed (NIP-01).
    /// </summary>
    public IndexedTagEnumerator EnumerateIndexedTags() => new(_tags);

    /// <summary>NIP-09 targets of a kind-5 deletion request; <see cref="DeletionTargets.None"/> for other kinds.</summary>
    public DeletionTargets GetDeletionTargets()
    {
        if (Kind != Kinds.Deletion)
        {
            return DeletionTargets.None;
        }

        var ids = ImmutableArray.CreateBuilder<EventId>();
        var addresses = ImmutableArray.CreateBuilder<EventAddress>();
        foreach (var tag in _tags)
        {
            if (tag.Name == "e" && EventId.TryParse(tag.Value, out var id))
            {
                ids.Add(id);
            }
            else if (tag.Name == "a" && EventAddress.TryParse(tag.Value, out var address))
            {
                addresses.Add(address);
            }
        }

        return new DeletionTargets(ids.ToImmutable(), addresses.ToImmutable());
    }

    /// <summary>The canonical JSON as text.</summary>
    public override string ToString() => Encoding.UTF8.GetString(_json);
}
