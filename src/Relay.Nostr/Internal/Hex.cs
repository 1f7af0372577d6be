using System.Buffers;

namespace Relay.Nostr.Internal;

/// <summary>
/// Lowercase hexadecimal, the only form NIP-01 allows for ids, pubkeys and signatures
/// ("32-bytes lowercase hex-encoded"). Uppercase digits are rejected on purpose. The conversions are the
/// BCL's vectorised ones (<see cref="Convert.FromHexString(ReadOnlySpan{byte}, Span{byte}, out int, out int)"/>),
/// preceded by a vectorised check that only lowercase digits occur: about ten times faster than a lookup
/// table, which matters because every event carries 256 hex characters.
/// </summary>
internal static class Hex
{
    private static readonly SearchValues<byte> LowerDigitsUtf8 = SearchValues.Create("0123456789abcdef"u8);
    private static readonly SearchValues<char> LowerDigits = SearchValues.Create("0123456789abcdef");

    /// <summary>Decodes exactly <c>2 * destination.Length</c> lowercase hex digits.</summary>
    /// <returns>False when the length differs or any byte is not a lowercase hex digit.</returns>
    public static bool TryDecodeLower(ReadOnlySpan<byte> utf8Hex, Span<byte> destination) =>
        utf8Hex.Length == destination.Length * 2
        && !utf8Hex.ContainsAnyExcept(LowerDigitsUtf8)
        && Convert.FromHexString(utf8Hex, destination, out _, out _) == OperationStatus.Done;

    /// <summary>Decodes exactly <c>2 * destination.Length</c> lowercase hex characters.</summary>
    public static bool TryDecodeLower(ReadOnlySpan<char> hex, Span<byte> destination) =>
        hex.Length == destination.Length * 2
        && !hex.ContainsAnyExcept(LowerDigits)
        && Convert.FromHexString(hex, destination, out _, out _) == OperationStatus.Done;

    /// <summary>Writes <paramref name="bytes"/> as lowercase hex: <c>2 * bytes.Length</c> UTF-8 bytes.</summary>
    public static void EncodeLower(ReadOnlySpan<byte> bytes, Span<byte> utf8Destination)
    {
        if (!Convert.TryToHexStringLower(bytes, utf8Destination, out _))
        {
            ThrowHelper.ThrowArgument("Destination is too short for the hex text.", nameof(utf8Destination));
        }
    }

    /// <summary>Writes <paramref name="bytes"/> as lowercase hex characters.</summary>
    public static void EncodeLower(ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        if (!Convert.TryToHexStringLower(bytes, destination, out _))
        {
            ThrowHelper.ThrowArgument("Destination is too short for the hex text.", nameof(destination));
        }
    }
}
