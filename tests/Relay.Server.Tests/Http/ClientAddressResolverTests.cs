using System.Net;
using Microsoft.Extensions.Primitives;
using Relay.Server.Http;

namespace Relay.Server.Tests.Http;

/// <summary><c>X-Forwarded-For</c> is believed only from trusted proxies, right-most untrusted entry first.</summary>
public class ClientAddressResolverTests
{
    private static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.5");

    private static ClientAddressResolver Resolver(params string[] proxies) => new(new TrustedProxyOptions { Proxies = proxies });

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("198.51.100.1, 203.0.113.7", "203.0.113.7")]            // left entries may be forged by the client
    [InlineData("203.0.113.7, 10.1.2.3", "203.0.113.7")]                // 10.1.2.3 is another trusted hop
    [InlineData("203.0.113.7:51234", "203.0.113.7")]                    // proxies that append the port
    [InlineData("[2001:db8::7]:443", "2001:db8::7")]
    [InlineData("2001:db8::7", "2001:db8::7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]                   // IPv4-mapped IPv6 normalised
    [InlineData(" 203.0.113.7 ,10.0.0.9 ", "203.0.113.7")]
    [InlineData("10.0.0.9, 10.0.0.8", "10.0.0.9")]                      // all hops trusted: the furthest one
    public void Trusted_peer_yields_the_right_most_untrusted_forwarded_address(string header, string expected)
    {
        var resolver = Resolver("10.0.0.0/8");
        Assert.Equal(IPAddress.Parse(expected), resolver.Resolve(Proxy, new StringValues(header)));
    }

    [Fact]
    public void Several_header_lines_are_one_list_in_order()
    {
        var resolver = Resolver("10.0.0.0/8");
        Assert.Equal(IPAddress.Parse("192.0.2.2"), resolver.Resolve(Proxy, new StringValues(["192.0.2.1", "192.0.2.2, 10.0.0.7"])));
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("203.0.113.7, garbage")]
    [InlineData("203.0.113.7,")]
    [InlineData("10.1")]                    // legacy IPv4 shorthand is not what a proxy writes
    [InlineData("203.0.113.7:99999")]
    [InlineData("[2001:db8::7")]
    [InlineData("fe80::1%eth0")]
    [InlineData("_hidden")]
    public void Malformed_header_falls_back_to_the_peer(string header)
    {
        var resolver = Resolver("10.0.0.0/8");
        Assert.Equal(Proxy, resolver.Resolve(Proxy, new StringValues(header)));
    }

    [Fact]
    public void Untrusted_peer_is_the_client_whatever_the_header_says()
    {
        var peer = IPAddress.Parse("198.51.100.20");
        Assert.Equal(peer, Resolver("10.0.0.0/8").Resolve(peer, new StringValues("203.0.113.7")));
        Assert.Equal(Proxy, Resolver().Resolve(Proxy, new StringValues("203.0.113.7")));
    }

    [Fact]
    public void Mapped_peer_matches_an_ipv4_proxy_entry_and_is_returned_as_ipv4()
    {
        var mappedPeer = IPAddress.Parse("::ffff:127.0.0.1");
        Assert.Equal(IPAddress.Parse("203.0.113.7"), Resolver("127.0.0.1").Resolve(mappedPeer, new StringValues("203.0.113.7")));
        Assert.Equal(IPAddress.Loopback, Resolver().Resolve(mappedPeer, StringValues.Empty));
        Assert.Equal(ClientAddressResolver.UnknownAddress, Resolver().Resolve(null, new StringValues("203.0.113.7")));
    }

    [Fact]
    public void A_header_longer_than_any_real_chain_falls_back_to_the_peer()
    {
        var header = string.Join(", ", Enumerable.Repeat("10.0.0.1", 40));
        Assert.Equal(Proxy, Resolver("10.0.0.0/8").Resolve(Proxy, new StringValues(header)));
    }

    [Fact]
    public void Invalid_proxy_entry_is_refused_naming_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Resolver("10.0.0.0/8", "proxy.example.com"));
        Assert.Equal("Network:TrustedProxies: 'proxy.example.com' is neither an IP address nor a CIDR range.", error.Message);
        Assert.Throws<InvalidOperationException>(() => Resolver("10.0.0.0/33"));
    }

    [Fact]
    public async Task Over_http_the_header_counts_only_when_the_loopback_peer_is_trusted()
    {
        await using var trusting = await HttpHost.StartAsync(new Dictionary<string, string?>
        {
            ["Network:TrustedProxies"] = "127.0.0.1, ::1",
        });
        await using var plain = await HttpHost.StartAsync();
        using var client = HttpHost.Client();

        async Task<string> WhoAmI(HttpHost host, string? forwardedFor)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.Address, "/whoami"));
            if (forwardedFor is not null) request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        Assert.Equal("203.0.113.7", await WhoAmI(trusting, "198.51.100.1, 203.0.113.7"));
        Assert.Equal("127.0.0.1", await WhoAmI(trusting, "not-an-address"));
        Assert.Equal("127.0.0.1", await WhoAmI(trusting, null));
        Assert.Equal("127.0.0.1", await WhoAmI(plain, "203.0.113.7"));
    }
}
