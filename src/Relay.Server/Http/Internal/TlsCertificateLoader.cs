using System.Security.Cryptography.X509Certificates;

namespace Relay.Server.Http.Internal;

/// <summary>Loads the server certificate named by <see cref="TlsOptions"/>, PKCS#12 or PEM, with its private key.</summary>
internal static class TlsCertificateLoader
{
    public static X509Certificate2 Load(TlsOptions options)
    {
        if (options.Validate() is { } error)
            ThrowHelper.ThrowInvalidConfiguration(error);
        var path = options.CertificatePath!;
        X509Certificate2 certificate;
        if (options.IsPkcs12)
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword);
        }
        else
        {
            certificate = options.CertificatePassword is null
                ? X509Certificate2.CreateFromPemFile(path, options.KeyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(path, options.CertificatePassword, options.KeyPath);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            ThrowHelper.ThrowInvalidConfiguration($"{TlsOptions.SectionName}: the certificate '{path}' has no private key.");
        }

        return certificate;
    }
}
