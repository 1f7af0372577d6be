using Relay.Nostr.Internal;

namespace Relay.Nostr.Events;

/// <summary>
/// An event id: the SHA-256 of the event's NIP-01 serialisation, 32 bytes, written as 64 lowercase hex
/// characters. A value type with four-word equality; ordering is the lexical order NIP-01 uses to break
/// <c>created_at</c> ties ("the event with the lowest id ... should be retained").
/// </summary>
public readonly struct EventId : IEquatable<EventId>, IComparable<EventId>
{
    /// <summary>Number of bytes in an id.</summary>
    public const int Size = Bytes32.Size;

    /// <summary>Number of lowercase hex characters in an id's text form.</summary>
    public const int HexLength = Bytes32.HexLength;

    private readonly Bytes32 _value;

    /// <summary>Creates an id from its 32 raw bytes (a SHA-256 digest).</summary>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not 32 bytes long.</exception>
    public EventId(ReadOnlySpan<byte> bytes) => _value = new Bytes32(bytes);

    private EventId(Bytes32 value) => _value = value;

    /// <summary>Parses 64 lowercase hex characters given as UTF-8 (NIP-01 allows no other form).</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Hex, out EventId id)
    {
        var ok = Bytes32.TryParseHex(utf8Hex, out var value);
        id = new EventId(value);
        return ok;
    }

    /// <summary>Parses 64 lowercase hex characters.</summary>
    public static bool TryParse(ReadOnlySpan<char> hex, out EventId id)
    {
        var ok = Bytes32.TryParseHex(hex, out var value);
        id = new EventId(value);
        return ok;
    }

    /// <summary>Parses 64 lowercase hex characters, for trusted input (configuration, tests).</summary>
    /// <exception cref="FormatException">The text is not 64 lowercase hex characters.</exception>
    public static EventId Parse(ReadOnlySpan<char> hex)
    {
        if (!TryParse(hex, out var id))
        {
            ThrowHelper.ThrowFormat("An event id is 64 lowercase hex characters.");
        }

        return id;
    }

    /// <summary>Writes the 32 raw bytes (e.g. a storage key or the message signed by BIP-340).</summary>
    public void CopyTo(Span<byte> destination) => _value.CopyTo(destination);

    /// <summary>Returns the 32 raw bytes in a new array.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Size];
        _value.CopyTo(bytes);
        return bytes;
    }

    /// <summary>Writes the 64 lowercase hex characters as UTF-8.</summary>
    public void WriteHex(Span<byte> utf8Destination) => _value.WriteHex(utf8Destination);

    /// <summary>The 64 lowercase hex characters.</summary>
    public override string ToString() => _value.ToString();

    /// <inheritdoc />
    public bool Equals(EventId other) => _value.Equals(other._value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EventId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value.GetHashCode();

    /// <summary>Lexical order of the bytes, equal to the order of the hex text.</summary>
    public int CompareTo(EventId other) => _value.CompareTo(other._value);

    /// <summary>Equality of the 32 bytes.</summary>
    public static bool operator ==(EventId left, EventId right) => left.Equals(right);

    /// <summary>Inequality of the 32 bytes.</summary>
    public static bool operator !=(EventId left, EventId right) => !left.Equals(right);

    /// <summary>Lexical order (see <see cref="CompareTo"/>).</summary>
    public static bool operator <(EventId left, EventId right) => left.CompareTo(right) < 0;

    /// <summary>Lexical order (see <see cref="CompareTo"/>).</summary>
    public static bool operator >(EventId left, EventId right) => left.CompareTo(right) > 0;

    /// <summary>Lexical order (see <see cref="CompareTo"/>).</summary>
    public static bool operator <=(EventId left, EventId right) => left.CompareTo(right) <= 0;

    /// <summary>Lexical order (see <see cref="CompareTo"/>).</summary>
    public static bool operator >=(EventId left, EventId right) => left.CompareTo(right) >= 0;
}
