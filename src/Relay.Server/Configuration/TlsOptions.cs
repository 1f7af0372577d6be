namespace Relay.Server.Configuration;

/// <summary>TLS for <c>wss://</c>: set <see cref="CertificatePath"/> and Kestrel terminates TLS on the listen address.</summary>
public sealed class TlsOptions
{
    /// <summary>A PKCS#12 (.pfx) file holding the certificate and its key; null (default) serves plain <c>ws://</c>,
    /// the usual deployment behind a reverse proxy that terminates TLS.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Password of <see cref="CertificatePath"/>, or null when it has none.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>True when TLS is configured.</summary>
    public bool Enabled => !string.IsNullOrEmpty(CertificatePath);

    internal void Validate()
    {
        if (Enabled && !File.Exists(CertificatePath))
            throw new ArgumentException($"Tls:CertificatePath '{CertificatePath}' does not exist.", nameof(CertificatePath));
    }
}
