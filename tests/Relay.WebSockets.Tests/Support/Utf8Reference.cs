namespace Relay.WebSockets.Tests.Support;

/// <summary>
/// A scalar UTF-8 reference written from RFC 3629's definition (decode the code point arithmetically, then reject
/// overlong forms, surrogates and values above U+10FFFF), independent of the table-driven validator under test.
/// </summary>
public static class Utf8Reference
{
    /// <summary>
    /// The index of the first byte after which the input can no longer be a prefix of valid UTF-8, or -1 when it
    /// still can; <paramref name="complete"/> says whether it ends on a code point boundary.
    /// </summary>
    public static int FirstInvalidByte(ReadOnlySpan<byte> bytes, out bool complete)
    {
        complete = true;
        var i = 0;
        while (i < bytes.Length)
        {
            int lead = bytes[i];
            int length, value;
            if (lead < 0x80)
            {
                i++;
                continue;
            }

            if ((lead & 0xE0) == 0xC0)
                (length, value) = (2, lead & 0x1F);
            else if ((lead & 0xF0) == 0xE0)
                (length, value) = (3, lead & 0x0F);
            else if ((lead & 0xF8) == 0xF0)
                (length, value) = (4, lead & 0x07);
            else
                return i;

            // Leads C0/C1 only encode overlong forms and F5-F7 only values above U+10FFFF: impossible at once.
            if ((length == 2 && value < 2) || (length == 4 && value > 4))
                return i;

            for (var j = 1; j < length; j++)
            {
                if (i + j >= bytes.Length)
                {
                    complete = false;
                    return -1;
                }

                var next = bytes[i + j];
                if ((next & 0xC0) != 0x80)
                    return i + j;
                value = (value << 6) | (next & 0x3F);
                // After the second byte the code point's high bits are known: decide as early as possible.
                if (j == 1 && !PossiblePrefix(length, value))
                    return i + 1;
            }

            i += length;
        }

        return -1;
    }

    /// <summary>Whether a code point whose top bits (lead + one continuation) are <paramref name="high"/> can still be valid.</summary>
    private static bool PossiblePrefix(int length, int high) => length switch
    {
        2 => true,                                           // the lead byte already excluded overlong forms
        3 => high >= 0x20 && (high < 0x360 || high > 0x37F), // >= U+0800, not U+D800..U+DFFF
        _ => high >= 0x10 && high <= 0x10F,                  // U+10000..U+10FFFF
    };
}
