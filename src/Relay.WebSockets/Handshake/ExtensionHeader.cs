using Microsoft.Extensions.Primitives;

namespace Relay.WebSockets.Handshake;

/// <summary>Parses <c>Sec-WebSocket-Extensions</c> values by the ABNF of RFC 6455 §9.1.</summary>
/// <remarks>
/// <code>
/// extension-list = 1#extension
/// extension      = extension-token *( ";" extension-param )
/// extension-param = token [ "=" (token | quoted-string) ]   ; a quoted value must be a token once unescaped
/// </code>
/// Handshake-time code: allocating a small list per request is fine.
/// </remarks>
public static class ExtensionHeader
{
    /// <summary>Parses every header line into <paramref name="offers"/>.</summary>
    /// <returns>False when a value does not match the ABNF (the handshake is then failed, §9.1).</returns>
    public static bool TryParse(StringValues values, List<ExtensionOffer> offers)
    {
        ArgumentNullException.ThrowIfNull(offers);
        foreach (var value in values)
        {
            if (value is not null && !TryParseLine(value, offers))
                return false;
        }

        return true;
    }

    private static bool TryParseLine(string value, List<ExtensionOffer> offers)
    {
        var i = 0;
        while (true)
        {
            SkipWhitespace(value, ref i);
            if (i == value.Length)
                return true;
            if (value[i] == ',')
            {
                // RFC 9110 §5.6.1: empty list elements are ignored.
                i++;
                continue;
            }

            var name = ReadToken(value, ref i);
            if (name.Length == 0)
                return false;
            var parameters = new List<KeyValuePair<string, string?>>();
            SkipWhitespace(value, ref i);
            while (i < value.Length && value[i] == ';')
            {
                i++;
                SkipWhitespace(value, ref i);
                var parameterName = ReadToken(value, ref i);
                if (parameterName.Length == 0)
                    return false;
                SkipWhitespace(value, ref i);
                string? parameterValue = null;
                if (i < value.Length && value[i] == '=')
                {
                    i++;
                    SkipWhitespace(value, ref i);
                    parameterValue = i < value.Length && value[i] == '"' ? ReadQuotedToken(value, ref i) : ReadToken(value, ref i);
                    if (string.IsNullOrEmpty(parameterValue))
                        return false;
                    SkipWhitespace(value, ref i);
                }

                parameters.Add(new(parameterName, parameterValue));
            }

            if (i < value.Length && value[i] != ',')
                return false;
            offers.Add(new ExtensionOffer(name, parameters));
        }
    }

    private static void SkipWhitespace(string value, ref int i)
    {
        while (i < value.Length && value[i] is ' ' or '\t')
            i++;
    }

    private static string ReadToken(string value, ref int i)
    {
        var start = i;
        while (i < value.Length && IsTokenChar(value[i]))
            i++;
        return value[start..i];
    }

    /// <summary>Reads a quoted-string whose unescaped content must be a token (§9.1); null when it is not.</summary>
    private static string? ReadQuotedToken(string value, ref int i)
    {
        i++; // opening quote
        var chars = new System.Text.StringBuilder();
        while (i < value.Length)
        {
            var c = value[i++];
            if (c == '"')
                return chars.Length > 0 ? chars.ToString() : null;
            if (c == '\\')
            {
                if (i == value.Length)
                    return null;
                c = value[i++];
            }

            if (!IsTokenChar(c))
                return null;
            chars.Append(c);
        }

        return null; // unterminated
    }

    /// <summary>RFC 9110 §5.6.2 tchar.</summary>
    internal static bool IsTokenChar(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
            or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
}
