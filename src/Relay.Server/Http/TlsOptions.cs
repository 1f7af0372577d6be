namespace Relay.Server.Http;

/// <summary>
/// The certificate that turns the relay's listener into HTTPS/<c>wss://</c> (configuration section
/// <see cref="SectionName"/>). Without <see cref="CertificatePath"/> the relay speaks plain HTTP/<c>ws://</c>,
/// the usual set-up behind a TLS-terminating proxy.
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed record TlsOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Tls";

    /// <summary>
    /// The certificate file: PKCS#12 when it ends in <c>.pfx</c> or <c>.p12</c>, else PEM (a chain is allowed:
    /// the first certificate is the server's, as certbot's <c>fullchain.pem</c>). Default null: no TLS.
    /// </summary>
    public string? CertificatePath { get; init; }

    /// <summary>The PEM private key file (certbot's <c>privkey.pem</c>); default null: the key is in <see cref="CertificatePath"/>.</summary>
    public string? KeyPath { get; init; }

    /// <summary>The password of the PKCS#12 file or of an encrypted PEM key; default null: not encrypted.</summary>
    public string? CertificatePassword { get; init; }

    /// <summary>True when a certificate is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(CertificatePath);

    /// <summary>True when <see cref="CertificatePath"/> names a PKCS#12 file.</summary>
    public bool IsPkcs12 =>
        CertificatePath is { } path &&
        (path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".p12", StringComparison.OrdinalIgnoreCase));

    /// <summary>Checks the settings are consistent.</summary>
    /// <returns>Null when valid, else the reason, naming the setting.</returns>
    public string? Validate()
    {
        if (!Enabled)
            return KeyPath is null ? null : $"{SectionName}:KeyPath is set without {SectionName}:CertificatePath.";
        if (IsPkcs12 && KeyPath is not null)
            return $"{SectionName}:KeyPath applies to PEM certificates; a PKCS#12 file carries its key.";
        if (!File.Exists(CertificatePath))
            return $"{SectionName}:CertificatePath '{CertificatePath}' does not exist.";
        if (KeyPath is not null && !File.Exists(KeyPath))
            return $"{SectionName}:KeyPath '{KeyPath}' does not exist.";
        return null;
    }
}
