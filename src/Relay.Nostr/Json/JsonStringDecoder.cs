using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Relay.Nostr.Json;

/// <summary>
/// Decodes the raw bytes of a JSON string token (as <c>Utf8JsonReader.ValueSpan</c> gives them, between
/// the quotes) into UTF-8, accepting every escape JSON allows (<c>\/</c>, <c>\u00e9</c>, surrogate pairs)
/// and rejecting what cannot be UTF-8: invalid byte sequences and unpaired surrogate escapes. Reports
/// failure as a value; <c>Utf8JsonReader.CopyString</c> would throw instead.
/// </summary>
internal static class JsonStringDecoder
{
    /// <summary>
    /// Decodes <paramref name="raw"/>. When the string has no escapes, the result is <paramref name="raw"/>
    /// itself (validated, not copied); otherwise it is written to <paramref name="scratch"/>, which must be
    /// at least <c>raw.Length</c> bytes (unescaping never grows a string).
    /// </summary>
    /// <returns>False when the string is not valid Unicode.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> raw, bool isEscaped, Span<byte> scratch, out ReadOnlySpan<byte> utf8)
    {
        if (!isEscaped)
        {
            utf8 = raw;
            return Utf8.IsValid(raw);
        }

        if (TryUnescape(raw, scratch, out var written) && Utf8.IsValid(scratch[..written]))
        {
            utf8 = scratch[..written];
            return true;
        }

        utf8 = default;
        return false;
    }

    /// <summary>
    /// Like <see cref="TryDecode(ReadOnlySpan{byte}, bool, Span{byte}, out ReadOnlySpan{byte})"/>, renting
    /// the scratch buffer when the string is escaped; the caller returns <paramref name="rented"/>.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> raw, bool isEscaped, out ReadOnlySpan<byte> utf8, out byte[]? rented)
    {
        rented = null;
        if (!isEscaped)
        {
            return TryDecode(raw, false, default, out utf8);
        }

        rented = ArrayPool<byte>.Shared.Rent(raw.Length);
        return TryDecode(raw, true, rented, out utf8);
    }

    private static bool TryUnescape(ReadOnlySpan<byte> raw, Span<byte> destination, out int written)
    {
        written = 0;
        while (true)
        {
            var i = raw.IndexOf((byte)'\\');
            if (i < 0)
            {
                raw.CopyTo(destination[written..]);
                written += raw.Length;
                return true;
            }

            raw[..i].CopyTo(destination[written..]);
            written += i;
            raw = raw[(i + 1)..];
            if (raw.IsEmpty)
            {
                return false;
            }

            var escape = raw[0];
            raw = raw[1..];
            byte simple = escape switch
            {
                (byte)'"' => (byte)'"',
                (byte)'\\' => (byte)'\\',
                (byte)'/' => (byte)'/',
                (byte)'b' => (byte)'\b',
                (byte)'f' => (byte)'\f',
                (byte)'n' => (byte)'\n',
                (byte)'r' => (byte)'\r',
                (byte)'t' => (byte)'\t',
                _ => 0,
            };

            if (simple != 0)
            {
                destination[written++] = simple;
                continue;
            }

            if (escape != (byte)'u' || !TryReadHex4(raw, out var unit))
            {
                return false;
            }

            raw = raw[4..];
            int scalar = unit;
            if (char.IsLowSurrogate((char)unit))
            {
                return false; // RFC 8259 §8.2: an unpaired surrogate is not a character.
            }

            if (char.IsHighSurrogate((char)unit))
            {
                if (raw.Length < 6 || raw[0] != (byte)'\\' || raw[1] != (byte)'u'
                    || !TryReadHex4(raw[2..], out var low) || !char.IsLowSurrogate((char)low))
                {
                    return false;
                }

                raw = raw[6..];
                scalar = char.ConvertToUtf32((char)unit, (char)low);
            }

            written += new Rune(scalar).EncodeToUtf8(destination[written..]);
        }
    }

    private static bool TryReadHex4(ReadOnlySpan<byte> raw, out int value)
    {
        value = 0;
        if (raw.Length < 4)
        {
            return false;
        }

        for (var i = 0; i < 4; i++)
        {
            var digit = raw[i] switch
            {
                >= (byte)'0' and <= (byte)'9' => raw[i] - '0',
                >= (byte)'a' and <= (byte)'f' => raw[i] - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => raw[i] - 'A' + 10,
                _ => -1,
            };

            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        return true;
    }
}
