using Relay.Actors;
using Relay.Nostr.Crypto;
using Relay.Server.Configuration;
using Relay.Server.Connections;
using Relay.Server.Diagnostics;
using Relay.Server.Ingest;
using Relay.Server.Policies;
using Relay.Server.Queries;
using Relay.Server.Subscriptions;
using Relay.Storage.Sqlite;

namespace Relay.Server.Hosting;

/// <summary>
/// The relay's long-lived parts and the actor tree's top (see docs/architecture.md): the store, the metrics, the rate
/// limiter, and the refs of the shard, verifiers, store writer, query workers and connections supervisor. Built once
/// per host; <see cref="Start"/> runs when the actor system starts.
/// </summary>
/// <remarks>Thread-safe after <see cref="Start"/> (refs are published before the endpoint accepts connections).</remarks>
internal sealed class RelayRuntime(RelayOptions options, EventStore store, RelayMetrics metrics, TimeProvider time)
{
    private IActorRef[] _queryWorkers = [];

    public RelayOptions Options => options;

    public EventStore Store => store;

    public RelayMetrics Metrics => metrics;

    public TimeProvider Time => time;

    public RateLimiter RateLimiter { get; } = new(options.RateLimits, time);

    public IngestPipeline Ingest { get; } = new(metrics, time);

    public ConnectionRegistry Connections { get; } = new();

    public IActorRef Shard { get; private set; } = Nobody.Instance;

    public IActorRef StoreWriter { get; private set; } = Nobody.Instance;

    public IActorRef ConnectionsSupervisor { get; private set; } = Nobody.Instance;

    /// <summary>The query worker of a connection: always the same one, so its REQs are answered in the order they came.</summary>
    public IActorRef QueryWorkerFor(long connectionId) => _queryWorkers[(int)((ulong)connectionId % (ulong)_queryWorkers.Length)];

    public void Start(ActorSystem system)
    {
        var recent = new RecentEventIds(options.Ingest.RecentIds);
        Shard = system.ActorOf(SubscriptionShard.Props(), "subscriptions");
        StoreWriter = system.ActorOf(Relay.Server.Ingest.StoreWriter.Props(store, Ingest, recent, Shard, metrics, time,
            options.Ingest.MaxBatch, options.Ingest.PurgeInterval), "store-writer");
        var schnorr = SchnorrBackends.Default;
        var verifiers = new IActorRef[options.Ingest.Verifiers];
        for (var i = 0; i < verifiers.Length; i++)
            verifiers[i] = system.ActorOf(IngestWorker.Props(Ingest, recent, store, schnorr, StoreWriter, Shard), $"verifier-{i}");
        Ingest.Start(verifiers);
        _queryWorkers = new IActorRef[options.Queries.Workers];
        for (var i = 0; i < _queryWorkers.Length; i++)
            _queryWorkers[i] = system.ActorOf(QueryWorker.Props(store, metrics, time, options.Queries.SliceEvents, options.Queries.MaxRowsScanned), $"query-{i}");
        ConnectionsSupervisor = system.ActorOf(Relay.Server.Connections.ConnectionsSupervisor.Props(this), "connections");
    }
}
