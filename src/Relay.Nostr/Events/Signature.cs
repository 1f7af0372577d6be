using Relay.Nostr.Internal;

namespace Relay.Nostr.Events;

/// <summary>
/// A BIP-340 Schnorr signature: 64 bytes (R.x then s), written as 128 lowercase hex characters
/// (NIP-01 <c>sig</c>). Holding the value says nothing about its validity; see
/// <c>NostrEvent.VerifySignature</c>.
/// </summary>
public readonly struct Signature : IEquatable<Signature>
{
    /// <summary>Number of bytes in a signature.</summary>
    public const int Size = 64;

    /// <summary>Number of lowercase hex characters in a signature's text form.</summary>
    public const int HexLength = 128;

    private readonly Bytes32 _r;
    private readonly Bytes32 _s;

    /// <summary>Creates a signature from its 64 raw bytes.</summary>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not 64 bytes long.</exception>
    public Signature(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            ThrowHelper.ThrowArgument("Expected exactly 64 bytes.", nameof(bytes));
        }

        _r = new Bytes32(bytes[..32]);
        _s = new Bytes32(bytes[32..]);
    }

    /// <summary>Parses 128 lowercase hex characters given as UTF-8.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Hex, out Signature signature)
    {
        if (utf8Hex.Length == HexLength
            && Bytes32.TryParseHex(utf8Hex[..64], out var r)
            && Bytes32.TryParseHex(utf8Hex[64..], out var s))
        {
            signature = new Signature(r, s);
            return true;
        }

        signature = default;
        return false;
    }

    /// <summary>Parses 128 lowercase hex characters.</summary>
    public static bool TryParse(ReadOnlySpan<char> hex, out Signature signature)
    {
        if (hex.Length == HexLength
            && Bytes32.TryParseHex(hex[..64], out var r)
            && Bytes32.TryParseHex(hex[64..], out var s))
        {
            signature = new Signature(r, s);
            return true;
        }

        signature = default;
        return false;
    }

    private Signature(Bytes32 r, Bytes32 s) => (_r, _s) = (r, s);

    /// <summary>Writes the 64 raw bytes.</summary>
    public void CopyTo(Span<byte> destination)
    {
        _r.CopyTo(destination);
        _s.CopyTo(destination[32..]);
    }

    /// <summary>Returns the 64 raw bytes in a new array.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Size];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>Writes the 128 lowercase hex characters as UTF-8.</summary>
    public void WriteHex(Span<byte> utf8Destination)
    {
        _r.WriteHex(utf8Destination);
        _s.WriteHex(utf8Destination[64..]);
    }

    /// <summary>The 128 lowercase hex characters.</summary>
    public override string ToString() => string.Concat(_r.ToString(), _s.ToString());

    /// <inheritdoc />
    public bool Equals(Signature other) => _r.Equals(other._r) && _s.Equals(other._s);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Signature other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_r, _s);

    /// <summary>Equality of the 64 bytes.</summary>
    public static bool operator ==(Signature left, Signature right) => left.Equals(right);

    /// <summary>Inequality of the 64 bytes.</summary>
    public static bool operator !=(Signature left, Signature right) => !left.Equals(right);
}
