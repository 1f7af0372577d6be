using System.Collections.Immutable;
using System.Diagnostics;
using Relay.Actors;
using Relay.Nostr.Filters;
using Relay.Nostr.Messages;
using Relay.Server.Connections;
using Relay.Server.Diagnostics;
using Relay.Server.Subscriptions;
using Relay.Storage.Sqlite;

namespace Relay.Server.Queries;

/// <summary>
/// Answers the stored part of REQs (and NIP-45 COUNTs) on its own thread, off the connection path. Time-sliced: a
/// REQ reads at most <c>SliceEvents</c> events, sends them to the connection's writer and goes to the back of the
/// mailbox, so a huge query interleaves with the small ones queued behind it. Order is storage's (NIP-01: newest first,
/// lowest id first on a tie), each filter capped by <c>max_limit</c> and the whole query by a row bound, then EOSE.
/// </summary>
/// <remarks>Each running query holds one pooled read connection (a consistent snapshot) until it finishes. Restarted on
/// failure (the guardian's default); an open cursor is disposed in PostStop.</remarks>
internal sealed class QueryWorker : UntypedActor
{
    public sealed record Run(ClientSubscription Subscription);

    public sealed record Count(SubscriptionId SubscriptionId, ImmutableArray<NostrFilter> Filters, IActorRef Writer);

    private sealed record Continue(Job Job);

    private sealed class Job(ClientSubscription subscription, QueryCursor cursor)
    {
        public ClientSubscription Subscription { get; } = subscription;

        public QueryCursor Cursor { get; } = cursor;

        public long Elapsed { get; set; }
    }

    private readonly EventStore _store;
    private readonly RelayMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly int _slice;
    private readonly long _maxRows;
    private readonly HashSet<Job> _running = [];

    public QueryWorker(EventStore store, RelayMetrics metrics, TimeProvider time, int slice, long maxRows)
    {
        _store = store;
        _metrics = metrics;
        _time = time;
        _slice = slice;
        _maxRows = maxRows;
    }

    /// <summary>Props on a dedicated thread: SQLite reads block.</summary>
    public static Props Props(EventStore store, RelayMetrics metrics, TimeProvider time, int slice, long maxRows) =>
        Actors.Props.Create(() => new QueryWorker(store, metrics, time, slice, maxRows)).WithDispatcher(Dispatchers.PinnedDispatcherId);

    protected override void PostStop()
    {
        foreach (var job in _running)
            job.Cursor.Dispose();
        _running.Clear();
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Run run:
                if (run.Subscription.IsCancelled)
                    return;
                var cursor = _store.OpenQuery(run.Subscription.Filters.AsSpan(), Now(), _maxRows);
                var job = new Job(run.Subscription, cursor);
                _running.Add(job);
                Step(job);
                break;
            case Continue next:
                Step(next.Job);
                break;
            case Count count:
                var result = _store.Count(count.Filters.AsSpan(), Now(), _maxRows);
                count.Writer.Tell(RelayReplies.Count(count.SubscriptionId, result.Count, result.Truncated));
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void Step(Job job)
    {
        var subscription = job.Subscription;
        if (subscription.IsCancelled)
        {
            Finish(job);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var events = new List<StoredEvent>(Math.Min(_slice, 64));
        var more = false;
        while (events.Count < _slice && (more = job.Cursor.MoveNext()))
            events.Add(new StoredEvent(job.Cursor.CurrentId, job.Cursor.CurrentJson.ToArray()));
        job.Elapsed += Stopwatch.GetTimestamp() - started;

        if (events.Count > 0)
            subscription.Writer.Tell(new ConnectionWriter.Stored(subscription, events));
        if (more)
        {
            Self.Tell(new Continue(job));
            return;
        }

        // Finished, or the row bound was reached (Truncated): what was sent is exactly the start of the full answer.
        subscription.Writer.Tell(new ConnectionWriter.EndOfStored(subscription));
        _metrics.RecordQuery(job.Cursor.RowsScanned, Stopwatch.GetElapsedTime(0, job.Elapsed));
        Finish(job);
    }

    private void Finish(Job job)
    {
        job.Cursor.Dispose();
        _running.Remove(job);
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeSeconds();
}
