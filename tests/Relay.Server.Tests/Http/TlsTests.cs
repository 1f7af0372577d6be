using System.Net;
using System.Net.Security;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Relay.Server.Http;

namespace Relay.Server.Tests.Http;

/// <summary>TLS on the relay's listener with a self-signed certificate made here, in PKCS#12 and PEM form.</summary>
public sealed class TlsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("relay-tls-").FullName;
    private readonly X509Certificate2 _certificate;

    public TlsTests()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=relay test", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        _certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }

    public void Dispose()
    {
        _certificate.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private TlsOptions WritePkcs12(string password)
    {
        var path = Path.Combine(_directory, "relay.pfx");
        File.WriteAllBytes(path, _certificate.Export(X509ContentType.Pkcs12, password));
        return new TlsOptions { CertificatePath = path, CertificatePassword = password };
    }

    private TlsOptions WritePem()
    {
        var certificate = Path.Combine(_directory, "fullchain.pem");
        var key = Path.Combine(_directory, "privkey.pem");
        File.WriteAllText(certificate, _certificate.ExportCertificatePem());
        File.WriteAllText(key, _certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        return new TlsOptions { CertificatePath = certificate, KeyPath = key };
    }

    // Accept exactly our certificate: the test proves TLS works, not that the machine trusts a CA.
    private bool IsOurs(X509Certificate? presented) =>
        presented is not null && presented.GetCertHashString() == _certificate.GetCertHashString();

    private async Task AssertServesTlsAsync(TlsOptions tls)
    {
        await using var host = await HttpHost.StartAsync(tls: tls);
        Assert.Equal("https", host.Address.Scheme);

        var handler = new SocketsHttpHandler { UseProxy = false };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) => IsOurs(presented);
        using var client = HttpHost.Client(handler);
        using var health = await client.GetAsync(new Uri(host.Address, "/healthz"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(new Version(1, 1), health.Version);
        var page = await client.GetStringAsync(host.Address);
        Assert.Contains($"<code>wss://127.0.0.1:{host.Address.Port}</code>", page, StringComparison.Ordinal);

        using var socket = new ClientWebSocket();
        socket.Options.RemoteCertificateValidationCallback = (_, presented, _, _) => IsOurs(presented);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await socket.ConnectAsync(host.WebSocketAddress, timeout.Token);
        Assert.Equal(WebSocketState.Open, socket.State);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
    }

    [Fact]
    public Task Pkcs12_certificate_serves_https_and_wss() => AssertServesTlsAsync(WritePkcs12("s3cret"));

    [Fact]
    public Task Pem_certificate_and_key_serve_https_and_wss() => AssertServesTlsAsync(WritePem());

    [Fact]
    public async Task A_client_that_does_not_trust_the_certificate_fails_the_handshake()
    {
        await using var host = await HttpHost.StartAsync(tls: WritePem());
        using var client = HttpHost.Client();
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri(host.Address, "/healthz")));
        Assert.Equal(HttpRequestError.SecureConnectionError, error.HttpRequestError);
    }

    [Fact]
    public void A_wrong_pkcs12_password_fails_start_up()
    {
        var tls = WritePkcs12("right") with { CertificatePassword = "wrong" };
        var kestrel = new Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions();
        Assert.ThrowsAny<CryptographicException>(() => kestrel.ListenRelay("127.0.0.1:0", tls));
    }

    [Fact]
    public void A_missing_certificate_file_fails_start_up_naming_the_setting()
    {
        var tls = new TlsOptions { CertificatePath = Path.Combine(_directory, "absent.pem") };
        var kestrel = new Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions();
        var error = Assert.Throws<InvalidOperationException>(() => kestrel.ListenRelay("127.0.0.1:0", tls));
        Assert.Equal($"Tls:CertificatePath '{tls.CertificatePath}' does not exist.", error.Message);
    }
}
