using System.Reflection;
using System.Text.Json;
using Relay.Server.Http.Internal;

namespace Relay.Server.Http;

/// <summary>
/// The relay's NIP-11 information document, serialised once: every request is answered with the same bytes.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RelayInformation
{
    /// <summary>The media type of the document, which clients also send in <c>Accept</c> (NIP-11).</summary>
    public const string MediaType = "application/nostr+json";

    private readonly byte[] _json;

    /// <summary>Builds and serialises the document.</summary>
    /// <param name="options">What the operator configured.</param>
    /// <param name="limitation">The limits the relay enforces.</param>
    /// <param name="supportedNips">The NIPs the relay implements (sorted and de-duplicated here).</param>
    /// <param name="version">The version string; default the informational version of this assembly.</param>
    public RelayInformation(RelayInfoOptions options, RelayLimitation limitation, IEnumerable<int> supportedNips, string? version = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(limitation);
        ArgumentNullException.ThrowIfNull(supportedNips);
        Options = options;
        Version = version ?? AssemblyVersion;
        var document = new RelayInfoDocument(options.Name, options.Description, options.Pubkey, options.Contact,
            options.Icon, options.Banner, options.Software, Version, supportedNips.Distinct().Order().ToArray(), limitation,
            options.PostingPolicy);
        _json = JsonSerializer.SerializeToUtf8Bytes(document, RelayInfoJsonContext.Default.RelayInfoDocument);
    }

    /// <summary>The informational version of the relay assembly (<c>1.2.3+commit</c>), or "0.0.0".</summary>
    public static string AssemblyVersion { get; } =
        typeof(RelayInformation).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The operator's settings the document was built from (the HTML page shows some).</summary>
    public RelayInfoOptions Options { get; }

    /// <summary>The <c>version</c> field.</summary>
    public string Version { get; }

    /// <summary>The document as UTF-8 JSON.</summary>
    public ReadOnlyMemory<byte> Json => _json;
}
