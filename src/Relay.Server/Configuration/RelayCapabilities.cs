namespace Relay.Server.Configuration;

/// <summary>
/// What the relay implements, for the NIP-11 document: <c>supported_nips</c> must stay true to the code, and the
/// <c>limitation</c> block must be read from <see cref="RelayOptions.Limits"/> (the very object the parser, the query
/// workers and the reader enforce), never restated.
/// </summary>
public static class RelayCapabilities
{
    /// <summary>
    /// NIPs implemented end to end: 1 (protocol), 9 (deletion), 11 (information document, served by the HTTP
    /// perimeter), 40 (expiration), 45 (COUNT), 70 (protected events: refused, since no connection can authenticate
    /// before NIP-42 lands). NIP-42 is not listed: AUTH is answered with a refusal.
    /// </summary>
    public static IReadOnlyList<int> SupportedNips { get; } = [1, 9, 11, 40, 45, 70];
}
