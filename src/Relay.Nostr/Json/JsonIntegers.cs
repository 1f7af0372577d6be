namespace Relay.Nostr.Json;

/// <summary>Outcome of reading a JSON number as a non-negative integer.</summary>
internal enum IntegerStatus
{
    /// <summary>A non-negative integer within the allowed maximum.</summary>
    Ok,

    /// <summary>A fraction or exponent (<c>1.0</c>, <c>1e3</c>), or a negative number (including <c>-0</c>).</summary>
    NotNonNegativeInteger,

    /// <summary>An integer above the allowed maximum.</summary>
    TooLarge,
}

/// <summary>
/// Reads the raw bytes of a JSON number token as a non-negative integer. Only plain digits are
/// accepted: <c>1e3</c> and <c>1.0</c> are refused, as strfry, nostr-rs-relay (serde <c>u64</c>) and
/// khatru refuse them, and because an id computed over <c>1e3</c> would differ from one computed over
/// <c>1000</c>. <c>Utf8JsonReader</c> has already checked the JSON number grammar (no leading zeros).
/// </summary>
internal static class JsonIntegers
{
    /// <summary>2^53 − 1: the largest integer every JSON implementation represents exactly (RFC 8259 §6).</summary>
    public const long MaxSafeInteger = 9_007_199_254_740_991;

    public static IntegerStatus TryParse(ReadOnlySpan<byte> raw, long max, out long value)
    {
        value = 0;
        foreach (var b in raw)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return IntegerStatus.NotNonNegativeInteger;
            }
        }

        // 19 digits cannot overflow a long; anything longer is too large for every maximum we use.
        if (raw.Length > 18)
        {
            return IntegerStatus.TooLarge;
        }

        foreach (var b in raw)
        {
            value = (value * 10) + (b - '0');
        }

        return value <= max ? IntegerStatus.Ok : IntegerStatus.TooLarge;
    }

    /// <summary>Number of decimal digits of a non-negative value (for exact buffer sizes).</summary>
    public static int CountDigits(long value)
    {
        var digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }

        return digits;
    }

    /// <summary>Writes a non-negative value as decimal digits.</summary>
    /// <returns>Bytes written.</returns>
    public static int Write(long value, Span<byte> destination)
    {
        var digits = CountDigits(value);
        for (var i = digits - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }

        return digits;
    }
}
