using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Relay.Server.Http;
using Relay.Server.Tests.EndToEnd.Support;

namespace Relay.Server.Tests.EndToEnd;

/// <summary>Optional TLS: with a certificate configured, Kestrel terminates TLS and the relay speaks wss://.</summary>
public class TlsTests
{
    [Fact]
    public async Task With_a_certificate_the_relay_serves_wss()
    {
        var pfx = Path.Combine(Path.GetTempPath(), $"relay-tls-{Guid.NewGuid():N}.pfx");
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(System.Net.IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "secret"));
        }

        try
        {
            await using var relay = await TestRelay.StartAsync(o =>
            {
                o.Tls = new TlsOptions { CertificatePath = pfx, CertificatePassword = "secret" };
            });
            Assert.Equal("wss", relay.Url.Scheme);
            Assert.Equal("[\"EOSE\",\"tls\"]", await NodePeer.RunAsync(relay.Url, "eose"));
        }
        finally
        {
            File.Delete(pfx);
        }
    }
}
