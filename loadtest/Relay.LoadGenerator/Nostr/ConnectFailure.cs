using Relay.WebSockets.Client;

namespace Relay.LoadGenerator.Nostr;

/// <summary>Names why a connection could not be opened, for reports.</summary>
internal static class ConnectFailure
{
    /// <summary>"UnexpectedStatus 429" and the like: the HTTP status tells a relay's per-IP (429) or global (503) cap apart.</summary>
    public static string Describe(WebSocketConnectResult result) =>
        result.StatusCode != 0 ? $"{result.Error} {result.StatusCode}" : result.Error.ToString();
}
