namespace Relay.Server.Http.Internal;

/// <summary>The NIP-11 document as serialised; property names become snake_case (see <see cref="RelayInfoJsonContext"/>).</summary>
internal sealed record RelayInfoDocument(
    string? Name,
    string? Description,
    string? Pubkey,
    string? Contact,
    string? Icon,
    string? Banner,
    string? Software,
    string Version,
    IReadOnlyList<int> SupportedNips,
    RelayLimitation Limitation,
    string? PostingPolicy);
