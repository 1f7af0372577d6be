using System.Globalization;
using System.Net;

namespace Relay.Server.Http.Internal;

/// <summary>A parsed <c>--listen host:port</c>: an IP address (<c>0.0.0.0</c>, <c>[::]</c>, <c>127.0.0.1</c>), <c>*</c> or <c>localhost</c>.</summary>
internal readonly record struct ListenAddress(IPAddress? Address, bool IsLocalhost, int Port)
{
    /// <summary>The address as one endpoint, for listeners that take a single one: <c>localhost</c> is 127.0.0.1.</summary>
    public IPEndPoint ToEndPoint() => new(IsLocalhost ? IPAddress.Loopback : Address!, Port);

    public static bool TryParse(string? text, out ListenAddress listen, out string error)
    {
        listen = default;
        error = $"listen address '{text}' is not host:port (0.0.0.0:7777, [::]:7777, localhost:7777).";
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
            return false;
        var host = text[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
            host = host[1..^1];
        else if (host.Contains(':', StringComparison.Ordinal))
            return false; // an IPv6 address needs brackets, or its last group reads as the port
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            listen = new ListenAddress(null, IsLocalhost: true, port);
            return true;
        }

        // A host name is refused: Kestrel binds addresses, and resolving a name at start-up hides which one.
        var address = host == "*" ? IPAddress.IPv6Any : IPAddress.TryParse(host, out var parsed) ? parsed : null;
        if (address is null)
            return false;
        listen = new ListenAddress(address, IsLocalhost: false, port);
        return true;
    }
}
