using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Relay.Actors;
using Relay.Nostr.Events;
using Relay.Server.Connections;
using Relay.Server.Diagnostics;
using Relay.Server.Hosting;
using Relay.Server.Subscriptions;
using Relay.Storage.Sqlite;

namespace Relay.Server.Ingest;

/// <summary>
/// The single writer of the database, on its own thread (it blocks in SQLite). Natural group commit: a
/// <see cref="Write"/> that finds no commit queued enqueues one behind itself, so every write already in the mailbox is
/// taken into the same transaction (up to <c>MaxBatch</c>). <c>OK true</c> is sent only after the commit returned, then
/// the new events are broadcast to live subscriptions. Expired events (NIP-40) are purged between batches.
/// </summary>
/// <remarks>Restarted on failure by the guardian (the writer connection is closed in PostStop and reopened in PreStart).</remarks>
internal sealed class StoreWriter : UntypedActor, IWithTimers
{
    public sealed record Write(NostrEvent Event, IActorRef Writer, long ReceivedTimestamp);

    /// <summary>Commit everything queued, then answer <see cref="Done"/> (graceful shutdown).</summary>
    public sealed record Drain
    {
        public static readonly Drain Instance = new();
    }

    /// <summary>
    /// Passed on to the shard once every commit before it has been broadcast: a commit and its broadcasts happen in one
    /// message here, so the shard sees this after the broadcast of every event a query snapshot taken earlier can hold,
    /// and answers the subscription's writer with <see cref="ConnectionWriter.CaughtUp"/> after delivering them.
    /// </summary>
    public sealed record Barrier(ClientSubscription Subscription);

    private sealed record Commit
    {
        public static readonly Commit Instance = new();
    }

    private sealed record Purge
    {
        public static readonly Purge Instance = new();
    }

    private const string PurgeTimer = "purge";

    // Rows deleted per purge transaction, and transactions per tick: short write-lock holds so OKs are not delayed.
    private const int PurgeRowsPerTransaction = 500;
    private const int PurgeTransactionsPerTick = 20;

    private readonly EventStore _store;
    private readonly IngestPipeline _pipeline;
    private readonly RecentEventIds _recent;
    private readonly IActorRef _shard;
    private readonly RelayMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly int _maxBatch;
    private readonly TimeSpan _purgeInterval;
    private readonly List<Write> _pending = [];
    private EventWriter? _writer;
    private bool _commitQueued;

    public StoreWriter(EventStore store, IngestPipeline pipeline, RecentEventIds recent, IActorRef shard, RelayMetrics metrics,
        TimeProvider time, int maxBatch, TimeSpan purgeInterval)
    {
        _store = store;
        _pipeline = pipeline;
        _recent = recent;
        _shard = shard;
        _metrics = metrics;
        _time = time;
        _maxBatch = maxBatch;
        _purgeInterval = purgeInterval;
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props on a dedicated thread (<see cref="Dispatchers.PinnedDispatcherId"/>): the writer blocks in SQLite.</summary>
    public static Props Props(EventStore store, IngestPipeline pipeline, RecentEventIds recent, IActorRef shard, RelayMetrics metrics,
        TimeProvider time, int maxBatch, TimeSpan purgeInterval) =>
        Actors.Props.Create(() => new StoreWriter(store, pipeline, recent, shard, metrics, time, maxBatch, purgeInterval))
            .WithDispatcher(Dispatchers.PinnedDispatcherId);

    protected override void PreStart()
    {
        _writer = _store.OpenWriter();
        Timers.StartPeriodicTimer(PurgeTimer, Purge.Instance, _purgeInterval);
    }

    protected override void PostStop()
    {
        CommitNow();
        _writer?.Dispose();
        _writer = null;
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Write write:
                _pending.Add(write);
                if (_pending.Count >= _maxBatch)
                {
                    CommitNow();
                }
                else if (!_commitQueued)
                {
                    _commitQueued = true;
                    Self.Tell(Commit.Instance);
                }

                break;
            case Commit:
                _commitQueued = false;
                CommitNow();
                break;
            case Barrier barrier:
                _shard.Tell(new SubscriptionShard.Barrier(barrier.Subscription));
                break;
            case Drain:
                CommitNow();
                Sender.Tell(Done.Instance);
                break;
            case Purge:
                PurgeExpired();
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void CommitNow()
    {
        if (_pending.Count == 0 || _writer is null)
            return;
        var events = new NostrEvent[_pending.Count];
        for (var i = 0; i < events.Length; i++)
            events[i] = _pending[i].Event;
        var outcomes = new WriteOutcome[events.Length];
        var started = Stopwatch.GetTimestamp();
        try
        {
            _writer.WriteBatch(events, outcomes);
        }
        catch (SqliteException e)
        {
            RelayLog.WriteBatchFailed(Context.System.LoggerFactory.CreateLogger<StoreWriter>(), events.Length, e);
            // Disk full, I/O error: the transaction rolled back, nothing of the batch is stored; each client hears so.
            outcomes.AsSpan().Fill(new WriteOutcome(WriteStatus.Failed));
        }

        _metrics.RecordWriterBatch(events.Length, Stopwatch.GetElapsedTime(started));
        for (var i = 0; i < events.Length; i++)
        {
            var write = _pending[i];
            var outcome = outcomes[i];
            if (outcome.IsNew)
                Remember(write.Event);
            _pipeline.Complete(write.Event, write.Writer, outcome.Accepted, outcome.Message, write.ReceivedTimestamp);
            if (outcome.IsNew)
                _shard.Tell(new SubscriptionShard.Broadcast(write.Event));
        }

        _pending.Clear();
    }

    private void Remember(NostrEvent e)
    {
        if (e.KindClass == Relay.Nostr.Events.KindClass.Regular)
            _recent.Add(e.Id);
        foreach (var target in e.GetDeletionTargets().EventIds)
            _recent.Remove(target);
    }

    private void PurgeExpired()
    {
        if (_writer is null)
            return;
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        for (var i = 0; i < PurgeTransactionsPerTick; i++)
        {
            CommitNow();   // writes first: a purge never delays an OK by more than one short transaction
            if (_writer.PurgeExpired(now, PurgeRowsPerTransaction) < PurgeRowsPerTransaction)
                break;
        }
    }
}
