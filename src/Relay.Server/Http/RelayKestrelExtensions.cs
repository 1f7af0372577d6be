using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Relay.Server.Http.Internal;

namespace Relay.Server.Http;

/// <summary>Binds Kestrel to the relay's <c>--listen</c> address, with TLS when a certificate is configured.</summary>
public static class RelayKestrelExtensions
{
    /// <summary>
    /// Listens on <paramref name="listen"/> (<c>host:port</c>: an IP address, <c>[IPv6]</c>, <c>*</c> or
    /// <c>localhost</c>; port 0 picks a free port) over HTTP/1.1, with TLS (HTTPS, <c>wss://</c>) when
    /// <paramref name="tls"/> names a certificate. The certificate is loaded now, so a bad path or password
    /// fails start-up rather than the first handshake.
    /// </summary>
    /// <param name="kestrel">Kestrel's options (from <c>ConfigureKestrel</c>).</param>
    /// <param name="listen">The address to bind.</param>
    /// <param name="tls">The certificate settings; null or without a path for plain HTTP.</param>
    /// <param name="configure">Further per-endpoint set-up, e.g. the codec's handshake timeout.</param>
    /// <exception cref="InvalidOperationException">The address does not parse or the certificate cannot be loaded.</exception>
    public static KestrelServerOptions ListenRelay(this KestrelServerOptions kestrel, string listen, TlsOptions? tls = null, Action<ListenOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        if (!ListenAddress.TryParse(listen, out var address, out var error))
            ThrowHelper.ThrowInvalidConfiguration(error);
        X509Certificate2? certificate = tls is { Enabled: true } ? TlsCertificateLoader.Load(tls) : null;

        void Configure(ListenOptions options)
        {
            // HTTP/1.1 only: our codec upgrades with HTTP/1.1 Upgrade (RFC 6455 §4). Offering h2 in ALPN would
            // let a browser carry its WebSocket over HTTP/2 extended CONNECT (RFC 8441), which the codec does not take.
            options.Protocols = HttpProtocols.Http1;
            if (certificate is not null)
                options.UseHttps(certificate);
            configure?.Invoke(options);
        }

        if (address.IsLocalhost)
            kestrel.ListenLocalhost(address.Port, Configure);
        else if (address.Address!.Equals(IPAddress.IPv6Any))
            kestrel.ListenAnyIP(address.Port, Configure); // [::] and * take IPv4 too (dual-stack), as users expect
        else
            kestrel.Listen(address.Address, address.Port, Configure);
        return kestrel;
    }
}
