using Relay.Actors;
using Relay.Nostr.Crypto;
using Relay.Nostr.Events;
using Relay.Server.Subscriptions;
using Relay.Storage.Sqlite;

namespace Relay.Server.Ingest;

/// <summary>
/// A verifier: recognises duplicates first (recent ids in memory, then what storage would answer), and only then
/// verifies the signature, the costly step (~60 µs). Valid events go to the store writer; ephemeral ones (NIP-01,
/// kinds 20000–29999) are answered and broadcast at once, never stored.
/// </summary>
/// <remarks>Stateless: restarted on failure by its parent (the guardian's default).</remarks>
internal sealed class IngestWorker : UntypedActor
{
    public sealed record Verify(NostrEvent Event, IActorRef Writer, long ReceivedTimestamp);

    private readonly IngestPipeline _pipeline;
    private readonly RecentEventIds _recent;
    private readonly EventStore _store;
    private readonly ISchnorrBackend _schnorr;
    private readonly IActorRef _storeWriter;
    private readonly IActorRef _shard;

    public IngestWorker(IngestPipeline pipeline, RecentEventIds recent, EventStore store, ISchnorrBackend schnorr, IActorRef storeWriter, IActorRef shard)
    {
        _pipeline = pipeline;
        _recent = recent;
        _store = store;
        _schnorr = schnorr;
        _storeWriter = storeWriter;
        _shard = shard;
    }

    public static Props Props(IngestPipeline pipeline, RecentEventIds recent, EventStore store, ISchnorrBackend schnorr, IActorRef storeWriter, IActorRef shard) =>
        Actors.Props.Create(() => new IngestWorker(pipeline, recent, store, schnorr, storeWriter, shard));

    protected override void OnReceive(object message)
    {
        if (message is not Verify verify)
        {
            Unhandled(message);
            return;
        }

        var e = verify.Event;
        if (_recent.Contains(e.Id))
        {
            _pipeline.Complete(e, verify.Writer, true, WriteOutcome.DuplicateMessage, verify.ReceivedTimestamp);
            return;
        }

        var ephemeral = e.KindClass == KindClass.Ephemeral;
        if (!ephemeral && _store.PreCheck(e) is { } known)
        {
            _pipeline.Complete(e, verify.Writer, known.Accepted, known.Message, verify.ReceivedTimestamp);
            return;
        }

        if (!EventValidator.TryVerifySignature(e, _schnorr, out var error))
        {
            _pipeline.Complete(e, verify.Writer, false, error.Message, verify.ReceivedTimestamp);
            return;
        }

        if (ephemeral)
        {
            _pipeline.Complete(e, verify.Writer, true, "", verify.ReceivedTimestamp);
            _shard.Tell(new SubscriptionShard.Broadcast(e));
            return;
        }

        _storeWriter.Tell(new StoreWriter.Write(e, verify.Writer, verify.ReceivedTimestamp));
    }
}
