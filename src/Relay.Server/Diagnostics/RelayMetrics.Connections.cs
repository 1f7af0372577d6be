using Relay.Server.Diagnostics.Internal;

namespace Relay.Server.Diagnostics;

// Connections and WebSocket transport: relay_connections, relay_connections_accepted/refused_total,
// relay_ws_handshake_failures_total, relay_ws_close_total, relay_ping_timeouts_total,
// relay_slow_consumer_closes_total, relay_ws_received/sent_bytes_total, relay_ws_deflate_*_bytes_total.
public sealed partial class RelayMetrics
{
    private static readonly KeyValuePair<string, object?>[] CompressionTags = MetricLabels.Tags("compression", MetricLabels.Compressions);
    private static readonly KeyValuePair<string, object?>[] RefusalTags = MetricLabels.Tags("reason", MetricLabels.Refusals);
    private static readonly KeyValuePair<string, object?>[] DirectionTags = MetricLabels.Tags("direction", MetricLabels.Directions);

    /// <summary>
    /// A WebSocket upgrade completed: counts it in <c>relay_connections_accepted_total{compression}</c> and adds
    /// one to <c>relay_connections</c>. Pair every call with one <see cref="ConnectionClosed"/>.
    /// </summary>
    /// <param name="permessageDeflate">Whether permessage-deflate (RFC 7692) was negotiated.</param>
    public void ConnectionAccepted(bool permessageDeflate)
    {
        _connectionsAccepted.Add(1, CompressionTags[permessageDeflate ? 1 : 0]);
        _connections.Add(1);
    }

    /// <summary>
    /// An accepted connection ended: subtracts it from <c>relay_connections</c> and counts it in
    /// <c>relay_ws_close_total{code,initiator}</c>.
    /// </summary>
    /// <param name="closeCode">The close code sent or received (1005 when the Close frame had none, 1006 when
    /// there was no closing handshake); codes outside 1000-1015 are counted as <c>other</c>.</param>
    /// <param name="initiator">Who sent the first Close frame, or <see cref="CloseInitiator.None"/>.</param>
    public void ConnectionClosed(int closeCode, CloseInitiator initiator)
    {
        _connections.Add(-1);
        _closes.Add(1, new KeyValuePair<string, object?>("code", MetricLabels.CloseCode(closeCode)),
            new KeyValuePair<string, object?>("initiator", MetricLabels.Initiators[(int)initiator]));
    }

    /// <summary>A connection was refused before the upgrade: <c>relay_connections_refused_total{reason}</c>.</summary>
    public void ConnectionRefused(ConnectionRefusal reason) => _connectionsRefused.Add(1, RefusalTags[(int)reason]);

    /// <summary>
    /// An upgrade request was answered with an HTTP error: <c>relay_ws_handshake_failures_total{status}</c>
    /// (400-599 as is, anything else <c>other</c>).
    /// </summary>
    public void HandshakeFailed(int httpStatus) =>
        _handshakeFailures.Add(1, new KeyValuePair<string, object?>("status", MetricLabels.HttpStatus(httpStatus)));

    /// <summary>A client missed its pong deadline and was closed: <c>relay_ping_timeouts_total</c>.</summary>
    public void PingTimedOut() => _pingTimeouts.Add(1);

    /// <summary>A client fell behind the outbound limit and was closed: <c>relay_slow_consumer_closes_total</c>.</summary>
    public void SlowConsumerClosed() => _slowConsumerCloses.Add(1);

    /// <summary>Bytes read from a WebSocket connection, frame headers included: <c>relay_ws_received_bytes_total</c>.</summary>
    public void BytesReceived(long count) => _bytesReceived.Add(count);

    /// <summary>Bytes written to a WebSocket connection, frame headers included: <c>relay_ws_sent_bytes_total</c>.</summary>
    public void BytesSent(long count) => _bytesSent.Add(count);

    /// <summary>
    /// One permessage-deflate message: its payload size uncompressed and compressed, for the compression
    /// ratio <c>rate(..._compressed_bytes_total) / rate(..._uncompressed_bytes_total)</c> per direction.
    /// </summary>
    public void RecordDeflate(TrafficDirection direction, long uncompressedBytes, long compressedBytes)
    {
        var tag = DirectionTags[(int)direction];
        _deflateUncompressed.Add(uncompressedBytes, tag);
        _deflateCompressed.Add(compressedBytes, tag);
    }
}
