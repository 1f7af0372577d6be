using System.Net;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Primitives;
using Relay.Server.Http;

namespace Relay.Benchmarks.Http;

/// <summary>
/// What the perimeter adds to each WebSocket upgrade: admitting and releasing a connection under the per-IP and
/// global caps (IPv4, and IPv6 counted per /64 prefix), and resolving the client address behind a trusted proxy.
/// Baseline: admit and release of an IPv4 client.
///   dotnet run -c Release --project tests/Relay.Benchmarks -- --filter '*HttpPerimeter*'
/// </summary>
[MemoryDiagnoser]
public class HttpPerimeterBenchmarks
{
    private static readonly IPAddress V4 = IPAddress.Parse("203.0.113.7");
    private static readonly IPAddress V6 = IPAddress.Parse("2001:db8:1:2::7");
    private static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.5");
    private static readonly StringValues ForwardedFor = new("198.51.100.1, 203.0.113.7, 10.0.0.9");

    private ConnectionAdmission _admission = null!;
    private ClientAddressResolver _resolver = null!;

    [GlobalSetup]
    public void Setup()
    {
        _resolver = new ClientAddressResolver(new TrustedProxyOptions { Proxies = ["10.0.0.0/8"] });
        _admission = new ConnectionAdmission(new ConnectionLimitsOptions(), new RelayReadiness(), _resolver);
    }

    [Benchmark(Baseline = true)]
    public bool Admit_and_release_ipv4()
    {
        var admitted = _admission.TryAdmit(V4, out var lease, out _);
        lease?.Dispose();
        return admitted;
    }

    [Benchmark]
    public bool Admit_and_release_ipv6_per_64()
    {
        var admitted = _admission.TryAdmit(V6, out var lease, out _);
        lease?.Dispose();
        return admitted;
    }

    [Benchmark]
    public IPAddress Resolve_forwarded_for_behind_two_proxies() => _resolver.Resolve(Proxy, ForwardedFor);
}
