using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Relay.Nostr.Internal;

/// <summary>
/// 32 bytes held as four big-endian words, so equality is four compares, ordering of the words is
/// the lexical order of the bytes (and of their lowercase hex), and the value lives inline in its owner.
/// Shared representation of <c>EventId</c>, <c>PublicKey</c> and both halves of a <c>Signature</c>.
/// </summary>
internal readonly struct Bytes32 : IEquatable<Bytes32>, IComparable<Bytes32>
{
    public const int Size = 32;
    public const int HexLength = 64;

    private readonly ulong _w0;
    private readonly ulong _w1;
    private readonly ulong _w2;
    private readonly ulong _w3;

    public Bytes32(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            ThrowHelper.ThrowArgument("Expected exactly 32 bytes.", nameof(bytes));
        }

        _w0 = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _w1 = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _w2 = BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]);
        _w3 = BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]);
    }

    /// <summary>Parses exactly 64 lowercase hex digits.</summary>
    [SkipLocalsInit]
    public static bool TryParseHex(ReadOnlySpan<byte> utf8Hex, out Bytes32 value)
    {
        Span<byte> bytes = stackalloc byte[Size];
        if (!Hex.TryDecodeLower(utf8Hex, bytes))
        {
            value = default;
            return false;
        }

        value = new Bytes32(bytes);
        return true;
    }

    /// <summary>Parses exactly 64 lowercase hex characters.</summary>
    [SkipLocalsInit]
    public static bool TryParseHex(ReadOnlySpan<char> hex, out Bytes32 value)
    {
        Span<byte> bytes = stackalloc byte[Size];
        if (!Hex.TryDecodeLower(hex, bytes))
        {
            value = default;
            return false;
        }

        value = new Bytes32(bytes);
        return true;
    }

    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            ThrowHelper.ThrowArgument("Destination is shorter than 32 bytes.", nameof(destination));
        }

        BinaryPrimitives.WriteUInt64BigEndian(destination, _w0);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _w1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], _w2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], _w3);
    }

    [SkipLocalsInit]
    public void WriteHex(Span<byte> utf8Destination)
    {
        Span<byte> bytes = stackalloc byte[Size];
        CopyTo(bytes);
        Hex.EncodeLower(bytes, utf8Destination);
    }

    [SkipLocalsInit]
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Size];
        CopyTo(bytes);
        Span<char> chars = stackalloc char[HexLength];
        Hex.EncodeLower(bytes, chars);
        return new string(chars);
    }

    public bool Equals(Bytes32 other) =>
        _w0 == other._w0 && _w1 == other._w1 && _w2 == other._w2 && _w3 == other._w3;

    public override bool Equals(object? obj) => obj is Bytes32 other && Equals(other);

    // Pubkeys are chosen by peers, so the hash is seeded per process (HashCode) rather than a raw
    // word an attacker could grind collisions against.
    public override int GetHashCode() => HashCode.Combine(_w0, _w1, _w2, _w3);

    public int CompareTo(Bytes32 other)
    {
        var c = _w0.CompareTo(other._w0);
        if (c != 0)
        {
            return c;
        }

        c = _w1.CompareTo(other._w1);
        if (c != 0)
        {
            return c;
        }

        c = _w2.CompareTo(other._w2);
        return c != 0 ? c : _w3.CompareTo(other._w3);
    }
}
