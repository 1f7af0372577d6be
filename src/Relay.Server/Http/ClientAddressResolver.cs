using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Primitives;
using Relay.Server.Http.Internal;

namespace Relay.Server.Http;

/// <summary>
/// Finds the client's address: the TCP peer, unless the peer is a trusted proxy, in which case the right-most
/// address of <c>X-Forwarded-For</c> that is not itself a trusted proxy (each proxy appends the address it got
/// the request from, so entries left of the first untrusted one may be forged by the client).
/// </summary>
/// <remarks>
/// <para>Only <c>X-Forwarded-For</c> is read. The standard <c>Forwarded</c> header (RFC 7239) carries the same
/// chain, but nginx, HAProxy, Caddy, Traefik and the cloud load balancers all send <c>X-Forwarded-For</c>, and
/// reading two headers would let a client pick the one the proxy does not rewrite.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class ClientAddressResolver
{
    /// <summary>The header read from trusted proxies.</summary>
    public const string ForwardedForHeader = "X-Forwarded-For";

    // Bounds the work a header can cause: a chain longer than this many hops is not a real deployment.
    private const int MaxForwardedEntries = 32;

    private readonly IPNetwork[] _trusted;

    /// <summary>Creates a resolver trusting <paramref name="options"/>' proxies; throws if an entry does not parse.</summary>
    public ClientAddressResolver(TrustedProxyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.TryParse(out var networks) is { } error)
            ThrowHelper.ThrowInvalidConfiguration(error);
        _trusted = [.. networks];
    }

    /// <summary>The address standing for a peer without an IP address (a Unix socket): <c>::</c>.</summary>
    public static IPAddress UnknownAddress => IPAddress.IPv6Any;

    /// <summary>The client address of <paramref name="context"/>'s request.</summary>
    public IPAddress Resolve(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var peer = context.Connection.RemoteIpAddress;
        return Resolve(peer, peer is not null && IsTrusted(peer) ? context.Request.Headers[ForwardedForHeader] : StringValues.Empty);
    }

    /// <summary>
    /// The client address given the TCP peer and the <c>X-Forwarded-For</c> values. The header is ignored unless
    /// the peer is trusted, and ignored whole when any entry in it is malformed (then the peer is the client).
    /// </summary>
    public IPAddress Resolve(IPAddress? peer, StringValues forwardedFor)
    {
        if (peer is null)
            return UnknownAddress;
        peer = Normalize(peer);
        if (forwardedFor.Count == 0 || !IsTrusted(peer))
            return peer;

        // Several header lines are one list in order (RFC 9110 §5.3): walk them from the right.
        IPAddress? client = null;
        var entries = 0;
        for (var line = forwardedFor.Count - 1; line >= 0; line--)
        {
            var rest = (forwardedFor[line] ?? string.Empty).AsSpan();
            while (true)
            {
                var comma = rest.LastIndexOf(',');
                var entry = rest[(comma + 1)..].Trim();
                if (++entries > MaxForwardedEntries || !TryParseEntry(entry, out var address))
                    return peer;
                client = address;
                if (!IsTrusted(address))
                    return address;
                if (comma < 0)
                    break;
                rest = rest[..comma];
            }
        }

        // Every hop is a trusted proxy: the left-most is the furthest one we know of.
        return client ?? peer;
    }

    /// <summary>True when <paramref name="address"/> is a configured proxy.</summary>
    public bool IsTrusted(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        address = Normalize(address);
        foreach (var network in _trusted)
        {
            if (network.Contains(address))
                return true;
        }

        return false;
    }

    /// <summary>An IPv4-mapped IPv6 address (<c>::ffff:1.2.3.4</c>, what a dual-stack socket reports) as IPv4.</summary>
    public static IPAddress Normalize(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
    }

    // An entry is an address, optionally with a port as some proxies append it: "1.2.3.4", "1.2.3.4:5678",
    // "2001:db8::1", "[2001:db8::1]", "[2001:db8::1]:443". Anything else ("unknown", obfuscated ids) is malformed.
    private static bool TryParseEntry(ReadOnlySpan<char> entry, out IPAddress address)
    {
        address = IPAddress.None;
        if (entry.IsEmpty)
            return false;
        if (entry[0] == '[')
        {
            var close = entry.IndexOf(']');
            if (close < 0 || (close + 1 < entry.Length && !IsPort(entry[(close + 1)..])))
                return false;
            entry = entry[1..close];
        }
        else if (entry.IndexOf(':') is var colon and >= 0 && entry.LastIndexOf(':') == colon)
        {
            // Exactly one colon: IPv4 with a port.
            if (!IsPort(entry[colon..]))
                return false;
            entry = entry[..colon];
        }

        if (entry.Contains('%') || !IPAddress.TryParse(entry, out var parsed))
            return false;
        // IPAddress.TryParse accepts legacy IPv4 forms ("10.1" is 10.0.0.1); a proxy writes dotted quads only.
        if (parsed.AddressFamily == AddressFamily.InterNetwork ? entry.Count('.') != 3 : parsed.AddressFamily != AddressFamily.InterNetworkV6)
            return false;
        address = Normalize(parsed);
        return true;
    }

    private static bool IsPort(ReadOnlySpan<char> colonAndPort) =>
        colonAndPort.Length is > 1 and <= 6 && colonAndPort[0] == ':' && ushort.TryParse(colonAndPort[1..], System.Globalization.NumberStyles.None, null, out _);
}
