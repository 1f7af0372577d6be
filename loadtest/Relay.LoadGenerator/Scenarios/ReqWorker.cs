using System.Text;
using Relay.LoadGenerator.Measurement;
using Relay.LoadGenerator.Nostr;
using Relay.WebSockets;

namespace Relay.LoadGenerator.Scenarios;

/// <summary>
/// One connection of <c>req</c>: runs REQs one after another, each timed from send to its EOSE, then CLOSEd (NIP-01:
/// after EOSE the subscription stays live until closed).
/// </summary>
/// <remarks>
/// The query in flight is published to the receive loop through a volatile reference; counters other than those of
/// <see cref="InFlight"/> are written by the worker only and read after <see cref="RunAsync"/> ends.
/// </remarks>
internal sealed class ReqWorker(WebSocketConnection connection, TimeProvider time)
{
    private volatile InFlight? _current;

    /// <summary>REQs sent.</summary>
    public long Sent { get; private set; }

    /// <summary>EOSEs.</summary>
    public long Eose { get; private set; }

    /// <summary>CLOSED answers by prefix.</summary>
    public Dictionary<string, long> Closed { get; } = new(StringComparer.Ordinal);

    /// <summary>REQs without an answer in time.</summary>
    public long Timeouts { get; private set; }

    /// <summary>Events received before EOSE.</summary>
    public long Events { get; private set; }

    /// <summary>Whether the relay ended the connection.</summary>
    public bool Lost { get; private set; }

    /// <summary>First send and last answer timestamps.</summary>
    public long FirstSend { get; private set; }

    /// <summary>Timestamp of the last EOSE.</summary>
    public long LastAnswer { get; private set; }

    /// <summary>Time to EOSE.</summary>
    public LatencyHistogram TimeToEose { get; } = new();

    /// <summary>Runs REQs while <paramref name="next"/> hands out query numbers, until the token fires or the connection ends.</summary>
    public async Task RunAsync(Func<int> next, Func<int, byte[]> buildReq, TimeSpan queryTimeout, CancellationToken cancellationToken)
    {
        using var stopReceiving = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var receive = RelayConnector.ReceiveAsync(connection, OnReply, null, stopReceiving.Token);
        try
        {
            for (var number = next(); number >= 0 && !receive.IsCompleted; number = next())
            {
                var subscriptionId = $"q{number}";
                var query = new InFlight(Encoding.UTF8.GetBytes(subscriptionId));
                _current = query;
                var start = time.GetTimestamp();
                if (FirstSend == 0)
                    FirstSend = start;
                if (!await connection.SendAsync(buildReq(number), WebSocketMessageType.Text, cancellationToken).ConfigureAwait(false))
                    break;
                Sent++;

                var answered = true;
                try
                {
                    await query.Answer.Task.WaitAsync(queryTimeout, time, cancellationToken).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    answered = false;
                }

                if (!answered)
                {
                    Timeouts++;
                }
                else if (query.Closed is { } reason)
                {
                    var prefix = ReplyPrefix.Of(reason);
                    Closed[prefix] = Closed.GetValueOrDefault(prefix) + 1;
                }
                else
                {
                    LastAnswer = query.AnsweredAt;
                    TimeToEose.Record(time, start, query.AnsweredAt);
                    Eose++;
                }

                Events += Volatile.Read(ref query.Events);
                _current = null;
                if (query.Closed is null && !await connection.SendAsync(ClientFrames.Close(subscriptionId), WebSocketMessageType.Text, cancellationToken).ConfigureAwait(false))
                    break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run's timeout: the scenario reports it.
        }

        // A receive loop that already ended by itself means the relay closed or dropped the connection.
        Lost = receive.IsCompleted && await receive.ConfigureAwait(false);
        await RelayConnector.CloseQuietlyAsync(connection).ConfigureAwait(false);
        await stopReceiving.CancelAsync().ConfigureAwait(false);
        await receive.ConfigureAwait(false);
    }

    private void OnReply(in RelayReply reply)
    {
        if (_current is not { } query || !reply.SubscriptionId.SequenceEqual(query.SubscriptionId))
            return;
        switch (reply.Verb)
        {
            case RelayVerb.Event:
                Interlocked.Increment(ref query.Events);
                break;
            case RelayVerb.Eose:
                query.AnsweredAt = time.GetTimestamp();
                query.Answer.TrySetResult();
                break;
            case RelayVerb.Closed:
                query.Closed = reply.Message;
                query.Answer.TrySetResult();
                break;
        }
    }

    /// <summary>The REQ awaiting its answer.</summary>
    private sealed class InFlight(byte[] subscriptionId)
    {
        public byte[] SubscriptionId { get; } = subscriptionId;

        public TaskCompletionSource Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long Events;

        public long AnsweredAt { get; set; }

        public string? Closed { get; set; }
    }
}
