using System.Buffers.Text;
using System.Globalization;

namespace Relay.Server.Diagnostics.Internal;

/// <summary>
/// Renders numbers the way Prometheus' own Go clients do, so expositions and bucket labels look the same
/// as every other exporter's: Go's <c>strconv.FormatFloat(v, 'g', -1, 64)</c> (shortest round-trip digits;
/// exponent form when the decimal exponent is below -4 or at least 6), <c>+Inf</c>/<c>-Inf</c>/<c>NaN</c>,
/// never a locale. OpenMetrics 1.0 ("Canonical Numbers") wants the same rendering for <c>le</c> with
/// <c>.0</c> appended when there is neither a decimal point nor an exponent (<c>1.0</c>, <c>10.0</c>).
/// </summary>
internal static class PrometheusNumber
{
    /// <summary>Longest output: sign, 17 significant digits, point, "e-324" and a margin.</summary>
    public const int MaxLength = 32;

    /// <summary>Writes an integer value (counter totals, bucket counts).</summary>
    public static int Format(long value, Span<byte> destination)
    {
        Utf8Formatter.TryFormat(value, destination, out var written);
        return written;
    }

    /// <summary>Writes <paramref name="value"/> in Go's shortest <c>%g</c> form.</summary>
    /// <param name="value">Any double, NaN and infinities included.</param>
    /// <param name="destination">At least <see cref="MaxLength"/> bytes.</param>
    /// <param name="canonicalLabel">OpenMetrics <c>le</c>: append <c>.0</c> to integral renderings.</param>
    public static int Format(double value, Span<byte> destination, bool canonicalLabel = false)
    {
        if (double.IsNaN(value)) return Copy("NaN"u8, destination);
        if (double.IsPositiveInfinity(value)) return Copy("+Inf"u8, destination);
        if (double.IsNegativeInfinity(value)) return Copy("-Inf"u8, destination);
        if (value == 0) return Copy(canonicalLabel ? "0.0"u8 : "0"u8, destination);

        // .NET Core 3.0+ "R" gives the shortest round-trip digits; only the layout differs from Go's.
        Span<char> roundTrip = stackalloc char[MaxLength];
        value.TryFormat(roundTrip, out var length, "R", CultureInfo.InvariantCulture);
        Span<byte> digits = stackalloc byte[20];
        var (negative, digitCount, decimalPoint) = Decompose(roundTrip[..length], digits);
        digits = digits[..digitCount];

        var position = 0;
        if (negative) destination[position++] = (byte)'-';
        var exponent = decimalPoint - 1;
        if (exponent < -4 || exponent >= 6)
        {
            // Go fmtE: d[.ddd]e±XX with at least two exponent digits.
            destination[position++] = digits[0];
            if (digits.Length > 1)
            {
                destination[position++] = (byte)'.';
                digits[1..].CopyTo(destination[position..]);
                position += digits.Length - 1;
            }
            destination[position++] = (byte)'e';
            destination[position++] = exponent < 0 ? (byte)'-' : (byte)'+';
            var magnitude = Math.Abs(exponent);
            if (magnitude < 10) destination[position++] = (byte)'0';
            Utf8Formatter.TryFormat(magnitude, destination[position..], out var expWritten);
            return position + expWritten;
        }

        // Go fmtF with max(digits - decimalPoint, 0) fraction digits.
        if (decimalPoint > 0)
        {
            for (var i = 0; i < decimalPoint; i++)
                destination[position++] = i < digits.Length ? digits[i] : (byte)'0';
        }
        else
        {
            destination[position++] = (byte)'0';
        }
        var fraction = digits.Length - decimalPoint;
        if (fraction > 0)
        {
            destination[position++] = (byte)'.';
            for (var i = decimalPoint; i < digits.Length; i++)
                destination[position++] = i < 0 ? (byte)'0' : digits[i];
        }
        else if (canonicalLabel)
        {
            destination[position++] = (byte)'.';
            destination[position++] = (byte)'0';
        }
        return position;
    }

    /// <summary>Formats into a new string: for values rendered once (bucket labels) and for tests.</summary>
    public static string ToText(double value, bool canonicalLabel = false)
    {
        Span<byte> buffer = stackalloc byte[MaxLength];
        var written = Format(value, buffer, canonicalLabel);
        return System.Text.Encoding.ASCII.GetString(buffer[..written]);
    }

    /// <summary>
    /// Splits a .NET round-trip rendering ("-1.25E-05", "123.5", "1E+20") into significant digits without
    /// leading or trailing zeros and the position of the decimal point relative to them (Go's digs.dp).
    /// </summary>
    private static (bool Negative, int DigitCount, int DecimalPoint) Decompose(ReadOnlySpan<char> text, Span<byte> digits)
    {
        var negative = text[0] == '-';
        if (negative) text = text[1..];
        var exponent = 0;
        var e = text.IndexOfAny('E', 'e');
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var count = 0;
        var pointAt = -1;
        var leadingZeros = 0;
        foreach (var c in text)
        {
            if (c == '.')
            {
                pointAt = count + leadingZeros;
                continue;
            }
            if (c == '0' && count == 0)
            {
                leadingZeros++;
                continue;
            }
            digits[count++] = (byte)c;
        }
        var integerDigits = pointAt < 0 ? count + leadingZeros : pointAt;
        while (count > 0 && digits[count - 1] == '0') count--;
        return (negative, count, integerDigits - leadingZeros + exponent);
    }

    private static int Copy(ReadOnlySpan<byte> text, Span<byte> destination)
    {
        text.CopyTo(destination);
        return text.Length;
    }
}
