using System.Net;
using System.Net.Sockets;
using Relay.WebSockets.Client.Internal;
using Relay.WebSockets.Compression;
using Relay.WebSockets.Compression.Internal;
using Relay.WebSockets.Handshake;

namespace Relay.WebSockets.Client;

/// <summary>
/// Opens client connections (RFC 6455 §4.1) on our codec, for the relay's tests and load generator.
/// <c>ws://</c> only: this client does no TLS.
/// </summary>
/// <remarks>Thread-safe. Connections to one IP address and port are opened one at a time (§4.1); connections to different endpoints proceed in parallel.</remarks>
public static class WebSocketClient
{
    /// <summary>Resolves the host, connects, performs and verifies the opening handshake.</summary>
    /// <param name="uri">A <c>ws://host[:port]/path[?query]</c> URI without fragment (§3).</param>
    /// <param name="options">Limits, offers and hooks; <see cref="WebSocketClientOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Cancels the attempt (throws); the handshake timeout instead yields <see cref="ConnectError.Timeout"/>.</param>
    public static async ValueTask<WebSocketConnectResult> ConnectAsync(Uri uri, WebSocketClientOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        options ??= WebSocketClientOptions.Default;
        if (!uri.IsAbsoluteUri || !string.Equals(uri.Scheme, "ws", StringComparison.OrdinalIgnoreCase) || uri.Fragment.Length > 0)
            return WebSocketConnectResult.Failed(ConnectError.UnsupportedUri);

        using var timeout = new CancellationTokenSource(options.Connection.HandshakeTimeout, options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var addresses = IPAddress.TryParse(uri.IdnHost, out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(uri.IdnHost, linked.Token).ConfigureAwait(false);
            if (addresses.Length == 0)
                return WebSocketConnectResult.Failed(ConnectError.HostNotFound);

            var port = uri.IsDefaultPort ? 80 : uri.Port;
            foreach (var address in addresses)
            {
                var endPoint = new IPEndPoint(address, port);
                using (await ConnectGate.EnterAsync(endPoint, linked.Token).ConfigureAwait(false))
                {
                    var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    try
                    {
                        await socket.ConnectAsync(endPoint, linked.Token).ConfigureAwait(false);
                    }
                    catch (SocketException)
                    {
                        socket.Dispose();
                        continue;
                    }

                    return await HandshakeAsync(new SocketTransport(socket, new NetworkStream(socket, ownsSocket: true)), uri, options, linked.Token).ConfigureAwait(false);
                }
            }

            return WebSocketConnectResult.Failed(ConnectError.ConnectionFailed);
        }
        catch (SocketException)
        {
            return WebSocketConnectResult.Failed(ConnectError.HostNotFound);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return WebSocketConnectResult.Failed(ConnectError.Timeout);
        }
    }

    private static async ValueTask<WebSocketConnectResult> HandshakeAsync(SocketTransport transport, Uri uri,
        WebSocketClientOptions options, CancellationToken cancellationToken)
    {
        var succeeded = false;
        try
        {
            var key = WebSocketHandshake.CreateClientKey();
            var deflateOptions = ZLibNative.IsAvailable ? options.Connection.PerMessageDeflate : null;
            var offer = deflateOptions is null ? null : PerMessageDeflateNegotiator.CreateOffer(deflateOptions);
            await transport.Stream.WriteAsync(ClientHandshake.BuildRequest(uri, key, options, offer), cancellationToken).ConfigureAwait(false);

            var (error, head) = await ClientHandshake.ReadResponseAsync(transport.Stream, cancellationToken).ConfigureAwait(false);
            if (error != ConnectError.None)
                return WebSocketConnectResult.Failed(error);
            error = Verify(head!, key, options, deflateOptions, out var subProtocol, out var deflate);
            if (error != ConnectError.None)
                return WebSocketConnectResult.Failed(error, head!.StatusCode);

            var connection = new WebSocketConnection(transport, isServer: false, options.Connection, deflate, subProtocol,
                options.Observer, options.TimeProvider, head!.Leftover);
            options.Observer.ConnectionOpened(connection);
            succeeded = true;
            return new WebSocketConnectResult(connection, ConnectError.None, head.StatusCode);
        }
        catch (IOException)
        {
            return WebSocketConnectResult.Failed(ConnectError.ConnectionClosed);
        }
        finally
        {
            if (!succeeded)
                transport.Abort();
        }
    }

    /// <summary>The client's checks of the server's answer (RFC 6455 §4.1, items 1-6 of the response rules).</summary>
    private static ConnectError Verify(ResponseHead head, string key, WebSocketClientOptions options,
        PerMessageDeflateOptions? deflateOffered, out string? subProtocol, out PerMessageDeflateParameters? deflate)
    {
        subProtocol = null;
        deflate = null;
        if (head.StatusCode != 101)
            return ConnectError.UnexpectedStatus;
        if (!WebSocketHandshake.HeaderContainsToken(head["Upgrade"], "websocket"))
            return ConnectError.MissingUpgrade;
        if (!WebSocketHandshake.HeaderContainsToken(head["Connection"], "Upgrade"))
            return ConnectError.MissingConnectionUpgrade;
        if (!string.Equals(head["Sec-WebSocket-Accept"], WebSocketHandshake.ComputeAcceptKey(key), StringComparison.Ordinal))
            return ConnectError.InvalidAccept;

        if (head["Sec-WebSocket-Protocol"] is { } protocol)
        {
            if (!options.SubProtocols.Contains(protocol, StringComparer.Ordinal))
                return ConnectError.UnexpectedSubProtocol;
            subProtocol = protocol;
        }

        if (head["Sec-WebSocket-Extensions"] is { } extensions)
        {
            var answered = new List<ExtensionOffer>();
            if (deflateOffered is null || !ExtensionHeader.TryParse(extensions, answered)
                || !PerMessageDeflateNegotiator.TryAcceptResponse(answered, deflateOffered, out var accepted))
                return ConnectError.InvalidExtensions;
            deflate = accepted;
        }

        return ConnectError.None;
    }
}
