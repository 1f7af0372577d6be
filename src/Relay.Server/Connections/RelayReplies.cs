using System.Buffers;
using EventId = Relay.Nostr.Events.EventId;
using Relay.Nostr.Messages;
using Relay.Server.Diagnostics;

namespace Relay.Server.Connections;

/// <summary>
/// Builds the small relay-to-client messages as owned byte arrays, so they can travel in actor messages to the
/// connection's writer (a message never carries memory its sender will reuse).
/// </summary>
/// <remarks>Thread-safe: each call uses a thread-local scratch buffer.</remarks>
internal static class RelayReplies
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_scratch;

    public static ConnectionWriter.Send Ok(EventId id, bool accepted, string message) =>
        Build(RelayVerb.Ok, w => RelayMessageWriter.WriteOk(w, id, accepted, message));

    public static ConnectionWriter.Send Notice(string message) =>
        Build(RelayVerb.Notice, w => RelayMessageWriter.WriteNotice(w, message));

    public static ConnectionWriter.Send Closed(SubscriptionId subscriptionId, string message) =>
        Build(RelayVerb.Closed, w => RelayMessageWriter.WriteClosed(w, subscriptionId, message));

    public static ConnectionWriter.Send Count(SubscriptionId subscriptionId, long count, bool approximate) =>
        Build(RelayVerb.Count, w => RelayMessageWriter.WriteCount(w, subscriptionId, count, approximate));

    /// <summary>The reply a refused client message deserves (NOTICE, OK false or CLOSED, decided by the parser), or null.</summary>
    public static ConnectionWriter.Send? ForError(in ClientMessageError error)
    {
        var verb = error.Reply switch
        {
            NostrReplyKind.OkFalse => RelayVerb.Ok,
            NostrReplyKind.Closed => RelayVerb.Closed,
            _ => RelayVerb.Notice,
        };
        var scratch = Scratch();
        return RelayMessageWriter.WriteReply(scratch, error) ? new ConnectionWriter.Send(scratch.WrittenSpan.ToArray(), verb) : null;
    }

    private static ConnectionWriter.Send Build(RelayVerb verb, Action<ArrayBufferWriter<byte>> write)
    {
        var scratch = Scratch();
        write(scratch);
        return new ConnectionWriter.Send(scratch.WrittenSpan.ToArray(), verb);
    }

    /// <summary>
    /// This thread's scratch buffer, emptied: where a message is composed before it is copied out (into a reply's
    /// array, or into the codec's queue by the connection writer). Valid until the next call on the same thread, so
    /// one buffer per thread serves every connection instead of one per connection.
    /// </summary>
    internal static ArrayBufferWriter<byte> Scratch()
    {
        var scratch = t_scratch ??= new ArrayBufferWriter<byte>(1024);
        scratch.ResetWrittenCount();
        return scratch;
    }
}
