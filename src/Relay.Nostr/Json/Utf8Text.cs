using System.Numerics;
using System.Runtime.Intrinsics;

namespace Relay.Nostr.Json;

/// <summary>Small UTF-8 helpers for limits that NIP-11 states in characters.</summary>
internal static class Utf8Text
{
    /// <summary>
    /// Number of Unicode scalar values in valid UTF-8: every byte that is not a continuation byte
    /// (10xxxxxx) starts one. NIP-11 <c>max_content_length</c> is "a count of unicode characters".
    /// </summary>
    public static int CountCodePoints(ReadOnlySpan<byte> utf8)
    {
        var continuation = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // As signed bytes, continuation bytes 0x80–0xBF are exactly the values below -64.
            var threshold = Vector256.Create((sbyte)-64);
            for (; i + Vector256<sbyte>.Count <= utf8.Length; i += Vector256<sbyte>.Count)
            {
                var v = Vector256.Create(utf8.Slice(i, Vector256<sbyte>.Count)).AsSByte();
                continuation += BitOperations.PopCount(Vector256.LessThan(v, threshold).ExtractMostSignificantBits());
            }
        }

        for (; i < utf8.Length; i++)
        {
            if ((utf8[i] & 0xC0) == 0x80)
            {
                continuation++;
            }
        }

        return utf8.Length - continuation;
    }
}
