using Relay.WebSockets;
using Relay.WebSockets.Client;

namespace Relay.LoadGenerator.Nostr;

/// <summary>Opens load-generator connections and runs their receive loops.</summary>
internal static class RelayConnector
{
    /// <summary>
    /// Client options for every scenario. No permessage-deflate: the figures are the relay's own cost, not zlib's on
    /// both sides (strfry's and the k6 scripts' measurements are uncompressed too). Outbound queue: 16 MiB, far above
    /// what a bounded in-flight window of events (default 256 × ~0.6 KB) ever queues.
    /// </summary>
    public static WebSocketClientOptions ClientOptions(TimeProvider time) => new()
    {
        Connection = new WebSocketConnectionOptions
        {
            PerMessageDeflate = null,
            MaxPendingOutboundBytes = 16L << 20,
            HandshakeTimeout = TimeSpan.FromSeconds(30),
        },
        TimeProvider = time,
    };

    /// <summary>Connects; a failure is a value the scenario counts (the relay may refuse on purpose: 429/503).</summary>
    public static async Task<WebSocketConnectResult> ConnectAsync(Uri url, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            return await WebSocketClient.ConnectAsync(url, ClientOptions(time), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new WebSocketConnectResult(null, ConnectError.Timeout, 0);
        }
    }

    /// <summary>
    /// Receives until the connection ends or <paramref name="cancellationToken"/> fires, passing each relay message to
    /// <paramref name="onReply"/>; messages that are not relay messages go to <paramref name="onMalformed"/>.
    /// </summary>
    /// <returns>True when the connection ended by itself (closed by the relay or failed), false when cancelled.</returns>
    public static async Task<bool> ReceiveAsync(WebSocketConnection connection, ReplyHandler onReply, Action? onMalformed,
        CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var message = await connection.ReceiveAsync(cancellationToken).ConfigureAwait(false);
                if (message.IsClose)
                    return true;
                if (RelayReplyReader.TryRead(message.Payload.Span, out var reply))
                    onReply(reply);
                else
                    onMalformed?.Invoke();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Closes with 1000 and a bounded wait (the connection's close timeout), ignoring a peer that is already gone.</summary>
    public static async Task CloseQuietlyAsync(WebSocketConnection connection)
    {
        await connection.CloseAsync(WebSocketCloseCode.NormalClosure, "done").ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
    }
}
