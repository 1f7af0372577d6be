using System.Buffers;
using System.Text.Unicode;

namespace Relay.Nostr.Json;

/// <summary>
/// Writes JSON string contents with NIP-01's escaping, the only escaping whose output hashes to the
/// same event id as every other implementation:
/// <c>\n \" \\ \r \t \b \f</c> as two characters, the other C0 controls as <c>\u00xx</c> with lowercase
/// hex (what <c>JSON.stringify</c> writes), every other character verbatim (non-ASCII, U+007F, U+2028,
/// U+2029, <c>/</c>, <c>&lt;</c>). System.Text.Json's encoders escape more and write uppercase hex, so
/// they cannot be used here (see NOSTR-NOTES.md).
/// </summary>
internal static class NostrJsonEscaper
{
    /// <summary>Worst case growth: one input byte (a C0 control) becomes <c>\u00xx</c>.</summary>
    public const int MaxExpansion = 6;

    private static readonly SearchValues<byte> NeedsEscapeUtf8 = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, (byte)'"', (byte)'\\']);

    private static readonly SearchValues<char> NeedsEscapeUtf16 = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\"\\");

    private static ReadOnlySpan<byte> LowerHex => "0123456789abcdef"u8;

    /// <summary>Length of <paramref name="utf8"/> once escaped, without the surrounding quotes.</summary>
    public static int GetEscapedLength(ReadOnlySpan<byte> utf8)
    {
        var length = utf8.Length;
        while (true)
        {
            var i = utf8.IndexOfAny(NeedsEscapeUtf8);
            if (i < 0)
            {
                return length;
            }

            length += EscapeSequenceLength(utf8[i]) - 1;
            utf8 = utf8[(i + 1)..];
        }
    }

    /// <summary>
    /// Escapes valid UTF-8 into <paramref name="destination"/> (at least
    /// <see cref="GetEscapedLength(ReadOnlySpan{byte})"/> bytes), without quotes.
    /// </summary>
    /// <returns>Bytes written.</returns>
    public static int Escape(ReadOnlySpan<byte> utf8, Span<byte> destination)
    {
        var written = 0;
        while (true)
        {
            var i = utf8.IndexOfAny(NeedsEscapeUtf8);
            if (i < 0)
            {
                utf8.CopyTo(destination[written..]);
                return written + utf8.Length;
            }

            utf8[..i].CopyTo(destination[written..]);
            written += i;
            written += WriteEscapeSequence(utf8[i], destination[written..]);
            utf8 = utf8[(i + 1)..];
        }
    }

    /// <summary>
    /// Writes <paramref name="utf8"/> as a quoted JSON string into <paramref name="destination"/>.
    /// </summary>
    /// <returns>Bytes written, <c>GetEscapedLength + 2</c>.</returns>
    public static int WriteQuoted(ReadOnlySpan<byte> utf8, Span<byte> destination)
    {
        destination[0] = (byte)'"';
        var written = 1 + Escape(utf8, destination[1..]);
        destination[written] = (byte)'"';
        return written + 1;
    }

    /// <summary>
    /// Escapes UTF-16 text into <paramref name="destination"/> as UTF-8, without quotes. Unpaired
    /// surrogates become U+FFFD: this path writes relay-authored text (NOTICE, OK messages), never event
    /// data, whose strings are validated before they get here.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="destination">At least <see cref="GetMaxUtf16EscapedLength"/> bytes.</param>
    /// <returns>Bytes written.</returns>
    public static int EscapeUtf16(ReadOnlySpan<char> text, Span<byte> destination)
    {
        var written = 0;
        while (true)
        {
            var i = text.IndexOfAny(NeedsEscapeUtf16);
            var run = i < 0 ? text : text[..i];
            Utf8.FromUtf16(run, destination[written..], out _, out var runBytes, replaceInvalidSequences: true);
            written += runBytes;
            if (i < 0)
            {
                return written;
            }

            written += WriteEscapeSequence((byte)text[i], destination[written..]);
            text = text[(i + 1)..];
        }
    }

    /// <summary>Upper bound of <see cref="EscapeUtf16"/>'s output: 3 UTF-8 bytes per char, or 6 for a control.</summary>
    public static int GetMaxUtf16EscapedLength(int charCount) => checked(charCount * MaxExpansion);

    private static int EscapeSequenceLength(byte b) => b switch
    {
        (byte)'"' or (byte)'\\' or (byte)'\b' or (byte)'\t' or (byte)'\n' or (byte)'\f' or (byte)'\r' => 2,
        _ => 6,
    };

    private static int WriteEscapeSequence(byte b, Span<byte> destination)
    {
        var shortForm = b switch
        {
            (byte)'"' => (byte)'"',
            (byte)'\\' => (byte)'\\',
            (byte)'\b' => (byte)'b',
            (byte)'\t' => (byte)'t',
            (byte)'\n' => (byte)'n',
            (byte)'\f' => (byte)'f',
            (byte)'\r' => (byte)'r',
            _ => (byte)0,
        };

        destination[0] = (byte)'\\';
        if (shortForm != 0)
        {
            destination[1] = shortForm;
            return 2;
        }

        // Other C0 controls: \u00xx, lowercase hex as JSON.stringify writes it (NIP-01 ids depend on it).
        destination[1] = (byte)'u';
        destination[2] = (byte)'0';
        destination[3] = (byte)'0';
        destination[4] = LowerHex[b >> 4];
        destination[5] = LowerHex[b & 0xF];
        return 6;
    }
}
