namespace Relay.Server.Http;

/// <summary>
/// What the operator says about the relay in its NIP-11 document and its HTML page (configuration section
/// <see cref="SectionName"/>). Every field is optional: NIP-11 lets a relay omit any of them, and an omitted
/// field is left out of the document rather than sent as <c>null</c>.
/// </summary>
/// <remarks>Immutable; read once at start-up when the document is serialised.</remarks>
public sealed record RelayInfoOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Info";

    // NIP-11: "SHOULD be less than 30 characters to avoid client truncation". Longer names are accepted
    // (it is a SHOULD) but refused beyond this hard bound so a typo cannot paste a file into the document.
    private const int MaxNameLength = 256;

    /// <summary>NIP-11 <c>name</c>; also the HTML page's title. Default null (the page says "Nostr relay").</summary>
    public string? Name { get; init; }

    /// <summary>NIP-11 <c>description</c>: plain text, paragraphs separated by a blank line.</summary>
    public string? Description { get; init; }

    /// <summary>NIP-11 <c>pubkey</c>: the administrator's public key, 64 lowercase hex characters.</summary>
    public string? Pubkey { get; init; }

    /// <summary>NIP-11 <c>contact</c>: an alternative contact URI (<c>mailto:</c>, <c>https:</c>).</summary>
    public string? Contact { get; init; }

    /// <summary>NIP-11 <c>icon</c>: URL of a square image.</summary>
    public string? Icon { get; init; }

    /// <summary>NIP-11 <c>banner</c>: URL of a wide image.</summary>
    public string? Banner { get; init; }

    /// <summary>
    /// NIP-11 <c>software</c>: URL of the relay software's home page ("MUST be a URL"). Default null (omitted):
    /// set it to the repository URL the binary was built from.
    /// </summary>
    public string? Software { get; init; }

    /// <summary>NIP-11 <c>posting_policy</c>: URL of a human-readable posting policy.</summary>
    public string? PostingPolicy { get; init; }

    /// <summary>
    /// The public WebSocket URL shown on the HTML page (<c>wss://relay.example.com</c>). Default null: the page
    /// derives it from the request (scheme and <c>Host</c>), which is wrong behind a TLS-terminating proxy.
    /// </summary>
    public string? PublicUrl { get; init; }

    /// <summary>Checks the values NIP-11 constrains.</summary>
    /// <returns>Null when valid, else the reason, naming the setting.</returns>
    public string? Validate()
    {
        if (Name is { Length: > MaxNameLength })
            return $"{SectionName}:Name is longer than {MaxNameLength} characters.";
        // NIP-11: "in the same format as Nostr events (32-byte hex for a secp256k1 public key)".
        if (Pubkey is not null && (Pubkey.Length != 64 || !Pubkey.All(char.IsAsciiHexDigitLower)))
            return $"{SectionName}:Pubkey must be 64 lowercase hex characters.";
        foreach (var (value, key) in new[] { (Software, nameof(Software)), (Icon, nameof(Icon)), (Banner, nameof(Banner)), (PostingPolicy, nameof(PostingPolicy)) })
        {
            if (value is not null && !IsHttpUrl(value))
                return $"{SectionName}:{key} must be an absolute http(s) URL.";
        }

        if (PublicUrl is not null && !(Uri.TryCreate(PublicUrl, UriKind.Absolute, out var url) && url.Scheme is "ws" or "wss"))
            return $"{SectionName}:PublicUrl must be an absolute ws:// or wss:// URL.";
        return null;
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);
}
