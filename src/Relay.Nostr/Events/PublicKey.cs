using Relay.Nostr.Internal;

namespace Relay.Nostr.Events;

/// <summary>
/// An author's public key: the 32-byte x-only secp256k1 key of BIP-340, written as 64 lowercase hex
/// characters (NIP-01 <c>pubkey</c>, <c>authors</c>, <c>#p</c>). Being 64 hex digits does not make it a
/// point on the curve; signature verification rejects keys that are not.
/// </summary>
public readonly struct PublicKey : IEquatable<PublicKey>, IComparable<PublicKey>
{
    /// <summary>Number of bytes in a public key.</summary>
    public const int Size = Bytes32.Size;

    /// <summary>Number of lowercase hex characters in a key's text form.</summary>
    public const int HexLength = Bytes32.HexLength;

    private readonly Bytes32 _value;

    /// <summary>Creates a key from its 32 raw bytes (the x coordinate, big-endian).</summary>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not 32 bytes long.</exception>
    public PublicKey(ReadOnlySpan<byte> bytes) => _value = new Bytes32(bytes);

    private PublicKey(Bytes32 value) => _value = value;

    /// <summary>Parses 64 lowercase hex characters given as UTF-8 (NIP-01 allows no other form).</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Hex, out PublicKey key)
    {
        var ok = Bytes32.TryParseHex(utf8Hex, out var value);
        key = new PublicKey(value);
        return ok;
    }

    /// <summary>Parses 64 lowercase hex characters.</summary>
    public static bool TryParse(ReadOnlySpan<char> hex, out PublicKey key)
    {
        var ok = Bytes32.TryParseHex(hex, out var value);
        key = new PublicKey(value);
        return ok;
    }

    /// <summary>Parses 64 lowercase hex characters, for trusted input (configuration, tests).</summary>
    /// <exception cref="FormatException">The text is not 64 lowercase hex characters.</exception>
    public static PublicKey Parse(ReadOnlySpan<char> hex)
    {
        if (!TryParse(hex, out var key))
        {
            ThrowHelper.ThrowFormat("A public key is 64 lowercase hex characters.");
        }

        return key;
    }

    /// <summary>Writes the 32 raw bytes (e.g. a storage key or the BIP-340 public key input).</summary>
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
    public bool Equals(PublicKey other) => _value.Equals(other._value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PublicKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value.GetHashCode();

    /// <summary>Lexical order of the bytes, equal to the order of the hex text.</summary>
    public int CompareTo(PublicKey other) => _value.CompareTo(other._value);

    /// <summary>Equality of the 32 bytes.</summary>
    public static bool operator ==(PublicKey left, PublicKey right) => left.Equals(right);

    /// <summary>Inequality of the 32 bytes.</summary>
    public static bool operator !=(PublicKey left, PublicKey right) => !left.Equals(right);

    /// <summary>Lexical order (see <see cref="CompareTo"/>).</summary>
    public static bool operator <(PublicKey left, PublicKey right) => left.CompareTo(right) < 0;

    /// <summary>Lexical order (see <see cref="CompareTo"/>).</summary>
    public static bool operator >(PublicKey left, PublicKey right) => left.CompareTo(right) > 0;

    /// <summary>Lexical order (see <see cref="CompareTo"/>).</summary>
    public static bool operator <=(PublicKey left, PublicKey right) => left.CompareTo(right) <= 0;

    /// <summary>Lexical order (see <see cref="CompareTo"/>).</summary>
    public static bool operator >=(PublicKey left, PublicKey right) => left.CompareTo(right) >= 0;
}
