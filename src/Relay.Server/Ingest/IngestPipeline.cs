using Relay.Actors;
using Relay.Nostr.Events;
using Relay.Server.Connections;
using Relay.Server.Diagnostics;

namespace Relay.Server.Ingest;

/// <summary>
/// The entry of the ingest pipeline and the one place where an event's answer is sent and counted: every EVENT gets
/// exactly one <c>OK</c> through <see cref="Reply"/>, which also records <c>nostr_events_total</c>, the rejection reason
/// and the time to OK. Tracks how many events are inside the pipeline, so shutdown can wait for them to commit.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class IngestPipeline(RelayMetrics metrics, TimeProvider time)
{
    private IActorRef[] _verifiers = [];
    private long _next;
    private long _inFlight;

    /// <summary>Events submitted and not yet answered.</summary>
    public long InFlight => Interlocked.Read(ref _inFlight);

    public void Start(IActorRef[] verifiers) => _verifiers = verifiers;

    /// <summary>Hands an event to a verifier (round robin: verification is the CPU-heavy step, spread it over the cores).</summary>
    /// <remarks>Any verifier will do: NIP-01 puts no order on the OKs of one connection.</remarks>
    public void Submit(IngestWorker.Verify verify)
    {
        Interlocked.Increment(ref _inFlight);
        var index = (int)((ulong)Interlocked.Increment(ref _next) % (ulong)_verifiers.Length);
        _verifiers[index].Tell(verify);
    }

    /// <summary>Answers an event that was <see cref="Submit"/>ted, ending its time in the pipeline.</summary>
    public void Complete(NostrEvent nostrEvent, IActorRef writer, bool accepted, string message, long receivedTimestamp)
    {
        Reply(nostrEvent, writer, accepted, message, receivedTimestamp);
        Interlocked.Decrement(ref _inFlight);
    }

    public void Refuse(NostrEvent nostrEvent, IActorRef writer, IngestRefusal refusal, long receivedTimestamp) =>
        Reply(nostrEvent, writer, false, MessageFor(refusal), receivedTimestamp);

    /// <summary>Sends <c>["OK", id, accepted, message]</c> and counts it.</summary>
    public void Reply(NostrEvent nostrEvent, IActorRef writer, bool accepted, string message, long receivedTimestamp)
    {
        writer.Tell(RelayReplies.Ok(nostrEvent.Id, accepted, message));
        var kindClass = RelayMetrics.ClassifyKind(nostrEvent.Kind);
        if (accepted && message.StartsWith("duplicate:", StringComparison.Ordinal))
            metrics.EventDuplicate(kindClass);
        else if (accepted)
            metrics.EventAccepted(kindClass);
        else
            metrics.EventRejected(kindClass, RelayMetrics.TryParseRejectReason(message, out var reason) ? reason : EventRejectReason.Invalid);
        metrics.RecordEventTimeToOk(kindClass, time.GetElapsedTime(receivedTimestamp));
    }

    /// <summary>The one mapping from the relay's own refusals to their NIP-01 <c>OK false</c> messages.</summary>
    public static string MessageFor(IngestRefusal refusal) => refusal switch
    {
        IngestRefusal.RateLimited => "rate-limited: slow down, you are publishing too fast",
        IngestRefusal.AuthEventPublished => "invalid: kind 22242 is an authentication event; send it with AUTH, not EVENT",
        IngestRefusal.ProtectedEvent => "auth-required: this event is protected (NIP-70) and only its author may publish it",
        _ => "error: refused",
    };
}
