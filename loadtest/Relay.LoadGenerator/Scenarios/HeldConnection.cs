using Relay.LoadGenerator.Nostr;
using Relay.WebSockets;

namespace Relay.LoadGenerator.Scenarios;

/// <summary>A connection <c>connect-hold</c> keeps open: it keeps receiving (so the relay's pings get their pongs) and does nothing else.</summary>
internal sealed class HeldConnection
{
    private readonly WebSocketConnection _connection;
    private readonly TaskCompletionSource _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task<bool> _receive;
    private volatile bool _closing;

    public HeldConnection(WebSocketConnection connection, CancellationToken cancellationToken)
    {
        _connection = connection;
        _receive = RelayConnector.ReceiveAsync(connection, OnReply, null, cancellationToken);
    }

    /// <summary>Whether the relay ended the connection before we closed it.</summary>
    public bool Lost => _receive.IsCompleted && !_closing;

    /// <summary>Whether the held subscription got its EOSE.</summary>
    public bool Subscribed { get; private set; }

    /// <summary>The relay's CLOSED message for the held subscription (e.g. <c>rate-limited: …</c>), or null.</summary>
    public string? ClosedReason { get; private set; }

    /// <summary>Sends the REQ k6's connect-hold.js sends and waits for its EOSE, a CLOSED, or the connection's end.</summary>
    public async Task SubscribeAsync(string tag, CancellationToken cancellationToken)
    {
        var req = ClientFrames.Req("hold", filter =>
        {
            filter.WriteStartArray("#t");
            filter.WriteStringValue(tag);
            filter.WriteEndArray();
            filter.WriteNumber("limit", 0);
        });
        if (await _connection.SendAsync(req, WebSocketMessageType.Text, cancellationToken).ConfigureAwait(false))
            await Task.WhenAny(_answered.Task, _receive).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes with 1000 and waits for the receive loop.</summary>
    public async Task CloseAsync()
    {
        _closing = true;
        await RelayConnector.CloseQuietlyAsync(_connection).ConfigureAwait(false);
        await _receive.ConfigureAwait(false);
    }

    private void OnReply(in RelayReply reply)
    {
        switch (reply.Verb)
        {
            case RelayVerb.Eose:
                Subscribed = true;
                _answered.TrySetResult();
                break;
            case RelayVerb.Closed:
                // NIP-01: a refused REQ is answered with CLOSED; waiting for an EOSE that never comes would stall the run.
                ClosedReason = reply.Message;
                _answered.TrySetResult();
                break;
        }
    }
}
