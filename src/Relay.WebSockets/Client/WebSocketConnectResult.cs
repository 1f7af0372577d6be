namespace Relay.WebSockets.Client;

/// <summary>The outcome of <see cref="WebSocketClient.ConnectAsync"/>.</summary>
/// <param name="Connection">The open connection when <paramref name="Error"/> is <see cref="ConnectError.None"/>.</param>
/// <param name="Error">Why there is no connection.</param>
/// <param name="StatusCode">The server's HTTP status, or 0 when no response was read.</param>
public sealed record WebSocketConnectResult(WebSocketConnection? Connection, ConnectError Error, int StatusCode)
{
    /// <summary>Whether a connection was established.</summary>
    public bool IsConnected => Connection is not null;

    internal static WebSocketConnectResult Failed(ConnectError error, int statusCode = 0) => new(null, error, statusCode);
}
