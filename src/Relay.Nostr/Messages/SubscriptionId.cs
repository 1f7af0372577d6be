using System.Text;
using Relay.Nostr.Json;

namespace Relay.Nostr.Messages;

/// <summary>
/// A subscription id as a client chose it (NIP-01: an arbitrary non-empty string, at most 64 characters,
/// scoped to one connection), together with its JSON form escaped once, so writing <c>EVENT</c>,
/// <c>EOSE</c> and <c>CLOSED</c> for it copies bytes instead of escaping again.
/// </summary>
/// <remarks>Immutable; equality is ordinal on <see cref="Value"/>.</remarks>
public sealed class SubscriptionId : IEquatable<SubscriptionId>
{
    private readonly byte[] _json;

    private SubscriptionId(string value, byte[] json)
    {
        Value = value;
        _json = json;
    }

    /// <summary>The id as the client sent it (decoded).</summary>
    public string Value { get; }

    /// <summary>The id as a JSON string, quotes included, NIP-01 escaping, UTF-8.</summary>
    public ReadOnlyMemory<byte> Json => _json;

    internal ReadOnlySpan<byte> JsonSpan => _json;

    /// <summary>Wraps a subscription id chosen by relay code or tests (the parser builds its own).</summary>
    /// <remarks>Does not apply <see cref="NostrLimits.MaxSubscriptionIdLength"/>: that limit is for clients.</remarks>
    public static SubscriptionId Create(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var json = new byte[NostrJsonEscaper.GetMaxUtf16EscapedLength(value.Length) + 2];
        json[0] = (byte)'"';
        var length = 1 + NostrJsonEscaper.EscapeUtf16(value, json.AsSpan(1));
        json[length++] = (byte)'"';
        return new SubscriptionId(value, json[..length]);
    }

    /// <summary>Builds an id from validated UTF-8 (the parser's path).</summary>
    internal static SubscriptionId FromValidUtf8(ReadOnlySpan<byte> utf8)
    {
        var json = new byte[NostrJsonEscaper.GetEscapedLength(utf8) + 2];
        NostrJsonEscaper.WriteQuoted(utf8, json);
        return new SubscriptionId(Encoding.UTF8.GetString(utf8), json);
    }

    /// <inheritdoc />
    public bool Equals(SubscriptionId? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SubscriptionId);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The id itself.</summary>
    public override string ToString() => Value;
}
