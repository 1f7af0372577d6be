using System.Net;

namespace Relay.Server.Http;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c> header is believed (configuration section
/// <see cref="SectionName"/>: a list, or one comma-separated string for an environment variable).
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed record TrustedProxyOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Network:TrustedProxies";

    /// <summary>
    /// Addresses (<c>10.0.0.5</c>, <c>::1</c>) and CIDR ranges (<c>10.0.0.0/8</c>, <c>fd00::/8</c>). Default
    /// empty: the header is ignored and the TCP peer is the client, because a relay reachable directly would
    /// otherwise let any client name itself with a forged header and walk around the per-IP caps. Add
    /// <c>127.0.0.1</c> (and <c>::1</c>) when a proxy on the same host forwards to the relay.
    /// </summary>
    public IReadOnlyList<string> Proxies { get; init; } = [];

    /// <summary>Parses <see cref="Proxies"/>.</summary>
    /// <param name="networks">The ranges; a single address becomes a /32 or /128 range.</param>
    /// <returns>Null when every entry parses, else the reason naming the bad entry.</returns>
    public string? TryParse(out IReadOnlyList<IPNetwork> networks)
    {
        var parsed = new List<IPNetwork>(Proxies.Count);
        networks = parsed;
        foreach (var entry in Proxies)
        {
            var text = entry.Trim();
            if (text.Length == 0)
                continue;
            if (IPAddress.TryParse(text, out var address) && !text.Contains('/', StringComparison.Ordinal))
            {
                address = ClientAddressResolver.Normalize(address);
                parsed.Add(new IPNetwork(address, address.GetAddressBytes().Length * 8));
            }
            else if (IPNetwork.TryParse(text, out var network))
            {
                parsed.Add(network);
            }
            else
            {
                return $"{SectionName}: '{entry}' is neither an IP address nor a CIDR range.";
            }
        }

        return null;
    }
}
