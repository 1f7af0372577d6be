using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Relay.WebSockets.Framing;

/// <summary>
/// Payload masking (RFC 6455 §5.3): byte i of the payload is XORed with key byte (i mod 4). Masking is its own
/// inverse, so the same functions unmask.
/// </summary>
/// <remarks>
/// Vectorised with Vector256/Vector128 where the hardware has them, then 8 bytes at a time, then a scalar tail.
/// Every vector width is a multiple of 4 so the repeated key lines up with the payload in every block. The
/// offset parameters let a payload be processed in pieces as it arrives.
/// </remarks>
public static class Masking
{
    /// <summary>Masks or unmasks <paramref name="data"/> in place.</summary>
    /// <param name="data">Payload bytes.</param>
    /// <param name="maskKey">Key bytes in wire order, read as a little-endian integer (see <see cref="FrameHeader.MaskKey"/>).</param>
    /// <param name="offset">Position of <paramref name="data"/>[0] within the payload, modulo 4.</param>
    /// <returns>The offset for the byte that follows <paramref name="data"/>.</returns>
    public static int Apply(Span<byte> data, uint maskKey, int offset) =>
        ApplyCore(ref MemoryMarshal.GetReference(data), ref MemoryMarshal.GetReference(data), data.Length, maskKey, offset);

    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/> masking it on the way.</summary>
    /// <param name="source">Payload bytes.</param>
    /// <param name="destination">At least as long as <paramref name="source"/>; must not partially overlap it.</param>
    /// <param name="maskKey">Key bytes in wire order, read as a little-endian integer.</param>
    /// <param name="offset">Position of <paramref name="source"/>[0] within the payload, modulo 4.</param>
    /// <returns>The offset for the byte that follows <paramref name="source"/>.</returns>
    public static int ApplyTo(ReadOnlySpan<byte> source, Span<byte> destination, uint maskKey, int offset)
    {
        if (destination.Length < source.Length)
            Internal.ThrowHelper.ThrowArgumentOutOfRange(nameof(destination));
        return ApplyCore(ref MemoryMarshal.GetReference(source), ref MemoryMarshal.GetReference(destination),
            source.Length, maskKey, offset);
    }

    private static int ApplyCore(ref byte source, ref byte destination, int length, uint maskKey, int offset)
    {
        offset &= 3;
        if (length == 0)
            return offset;
        if (!BitConverter.IsLittleEndian)
            return ApplyScalar(ref source, ref destination, length, maskKey, offset);

        // Rotate so that key byte `offset` lines up with source[0]: little-endian byte 0 is the low byte.
        var key = BitOperations.RotateRight(maskKey, offset * 8);
        var n = (nuint)length;
        nuint i = 0;

        if (Vector256.IsHardwareAccelerated && n >= (nuint)Vector256<byte>.Count)
        {
            var mask = Vector256.Create(key).AsByte();
            var last = n - (nuint)Vector256<byte>.Count;
            for (; i <= last; i += (nuint)Vector256<byte>.Count)
                (Vector256.LoadUnsafe(ref source, i) ^ mask).StoreUnsafe(ref destination, i);
        }

        if (Vector128.IsHardwareAccelerated && n - i >= (nuint)Vector128<byte>.Count)
        {
            var mask = Vector128.Create(key).AsByte();
            var last = n - (nuint)Vector128<byte>.Count;
            for (; i <= last; i += (nuint)Vector128<byte>.Count)
                (Vector128.LoadUnsafe(ref source, i) ^ mask).StoreUnsafe(ref destination, i);
        }

        var key64 = key | ((ulong)key << 32);
        for (; n - i >= 8; i += 8)
        {
            var value = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, i)) ^ key64;
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, i), value);
        }

        // Scalar tail: fewer than 8 bytes; i is a multiple of 4 here, so byte i pairs with key byte (i & 3).
        for (; i < n; i++)
            Unsafe.Add(ref destination, i) = (byte)(Unsafe.Add(ref source, i) ^ (byte)(key >> (int)((i & 3) * 8)));

        return (offset + length) & 3;
    }

    private static int ApplyScalar(ref byte source, ref byte destination, int length, uint maskKey, int offset)
    {
        // Big-endian fallback: address the key by wire position explicitly.
        Span<byte> keyBytes = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(keyBytes, maskKey);
        for (var i = 0; i < length; i++)
            Unsafe.Add(ref destination, i) = (byte)(Unsafe.Add(ref source, i) ^ keyBytes[(offset + i) & 3]);
        return (offset + length) & 3;
    }
}
