namespace Relay.WebSockets.Client.Internal;

/// <summary>A parsed HTTP/1.1 response head, and the bytes that followed it (the start of the WebSocket stream).</summary>
internal sealed class ResponseHead(int statusCode, Dictionary<string, string> headers, byte[] leftover)
{
    public int StatusCode => statusCode;

    /// <summary>Header fields by case-insensitive name; repeated fields are joined with ", " (RFC 9110 §5.3).</summary>
    public IReadOnlyDictionary<string, string> Headers => headers;

    public byte[] Leftover => leftover;

    public string? this[string name] => headers.TryGetValue(name, out var value) ? value : null;
}
