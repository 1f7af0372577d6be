using System.Buffers;
using System.Text;

namespace Relay.WebSockets.Client.Internal;

/// <summary>The client side of the opening handshake on the wire (RFC 6455 §4.1).</summary>
internal static class ClientHandshake
{
    /// <summary>Largest response head we read: far above any real 101 response, small enough to bound a hostile server.</summary>
    public const int MaxResponseHeadBytes = 16 * 1024;

    /// <summary>RFC 9110 §5.6.2 tchar.</summary>
    private static readonly SearchValues<char> TokenChars =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private static ReadOnlySpan<byte> EndOfHead => "\r\n\r\n"u8;

    public static byte[] BuildRequest(Uri uri, string key, WebSocketClientOptions options, string? extensionOffer)
    {
        var builder = new StringBuilder(256);
        // §4.1: the request target is the path and query; a fragment is never sent (§3).
        builder.Append("GET ").Append(uri.PathAndQuery).Append(" HTTP/1.1\r\n");
        builder.Append("Host: ").Append(uri.Authority).Append("\r\n");
        builder.Append("Upgrade: websocket\r\nConnection: Upgrade\r\n");
        builder.Append("Sec-WebSocket-Key: ").Append(key).Append("\r\n");
        builder.Append("Sec-WebSocket-Version: 13\r\n");
        if (options.Origin is not null)
            builder.Append("Origin: ").Append(options.Origin).Append("\r\n");
        if (options.SubProtocols.Count > 0)
            builder.Append("Sec-WebSocket-Protocol: ").AppendJoin(", ", options.SubProtocols).Append("\r\n");
        if (extensionOffer is not null)
            builder.Append("Sec-WebSocket-Extensions: ").Append(extensionOffer).Append("\r\n");
        foreach (var (name, value) in options.Headers)
            builder.Append(name).Append(": ").Append(value).Append("\r\n");
        builder.Append("\r\n");
        return Encoding.ASCII.GetBytes(builder.ToString());
    }

    /// <summary>Reads the response head. Returns the error (None when a head was parsed) and the head.</summary>
    public static async ValueTask<(ConnectError Error, ResponseHead? Head)> ReadResponseAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxResponseHeadBytes);
        try
        {
            var length = 0;
            while (true)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(length, MaxResponseHeadBytes - length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                    return (ConnectError.ConnectionClosed, null);
                var searchFrom = Math.Max(0, length - 3);
                length += read;
                var end = buffer.AsSpan(searchFrom, length - searchFrom).IndexOf(EndOfHead);
                if (end >= 0)
                {
                    var headLength = searchFrom + end + EndOfHead.Length;
                    var head = Parse(buffer.AsSpan(0, headLength - 2), buffer.AsSpan(headLength, length - headLength).ToArray());
                    return head is null ? (ConnectError.MalformedResponse, null) : (ConnectError.None, head);
                }

                if (length == MaxResponseHeadBytes)
                    return (ConnectError.MalformedResponse, null);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Parses "HTTP/1.1 SP status SP reason CRLF *(field CRLF)"; null when malformed.</summary>
    internal static ResponseHead? Parse(ReadOnlySpan<byte> head, byte[] leftover)
    {
        var text = Encoding.Latin1.GetString(head);
        var lines = text.Split("\r\n");
        var statusLine = lines[0];
        if (!statusLine.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) || statusLine.Length < 12
            || !int.TryParse(statusLine.AsSpan(9, 3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var status)
            || (statusLine.Length > 12 && statusLine[12] != ' '))
            return null;

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
                continue;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            // Field names are tokens; a leading space would be obsolete line folding (RFC 9112 §5.2).
            if (colon <= 0 || line.AsSpan(0, colon).ContainsAnyExcept(TokenChars))
                return null;
            var name = line[..colon];
            var value = line[(colon + 1)..].Trim(' ', '\t');
            headers[name] = headers.TryGetValue(name, out var existing) ? existing + ", " + value : value;
        }

        return new ResponseHead(status, headers, leftover);
    }

}
