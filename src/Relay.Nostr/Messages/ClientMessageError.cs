using Relay.Nostr.Events;

namespace Relay.Nostr.Messages;

/// <summary>
/// Why a client message was refused, and the reply it deserves. Built by the parser and the event
/// validator; written by <see cref="RelayMessageWriter.WriteReply"/>. <see cref="Reply"/> and the prefix of
/// <see cref="Message"/> are decided in one place each (<see cref="ReplyFor"/>, <see cref="PrefixFor"/>).
/// </summary>
public readonly struct ClientMessageError
{
    internal ClientMessageError(
        ClientVerb verb, ClientErrorReason reason, string detail, EventId? eventId = null, SubscriptionId? subscriptionId = null)
    {
        Verb = verb;
        Reason = reason;
        Message = PrefixFor(reason) + detail;
        EventId = eventId;
        SubscriptionId = subscriptionId;
        Reply = ReplyFor(verb, eventId.HasValue, subscriptionId is not null);
    }

    /// <summary>The message type, as far as it was recognised.</summary>
    public ClientVerb Verb { get; }

    /// <summary>Why the message was refused.</summary>
    public ClientErrorReason Reason { get; }

    /// <summary>
    /// Human-readable text with NIP-01's machine-readable prefix (<c>invalid: </c> or <c>unsupported: </c>),
    /// e.g. <c>invalid: tag 3 is not an array of strings</c>. Tag, element and filter positions are zero-based.
    /// </summary>
    public string Message { get; }

    /// <summary>The event id recovered from the message, when there is one (<c>OK</c> needs it).</summary>
    public EventId? EventId { get; }

    /// <summary>The subscription id recovered from the message, when there is one (<c>CLOSED</c> needs it).</summary>
    public SubscriptionId? SubscriptionId { get; }

    /// <summary>Which message answers this error.</summary>
    public NostrReplyKind Reply { get; }

    /// <summary>
    /// The one mapping from what was recovered to the reply: a refused <c>EVENT</c>/<c>AUTH</c> with an id gets
    /// <c>OK false</c> (NIP-01, NIP-42); a refused <c>REQ</c>/<c>COUNT</c> with a subscription id gets <c>CLOSED</c>
    /// (NIP-01, NIP-45: never only a NOTICE, a client waiting for EOSE would hang); a refused <c>NEG-OPEN</c>/
    /// <c>NEG-MSG</c> gets <c>NEG-ERR</c> (NIP-77); a <c>NEG-CLOSE</c> needs no answer; everything else is a <c>NOTICE</c>.
    /// </summary>
    public static NostrReplyKind ReplyFor(ClientVerb verb, bool hasEventId, bool hasSubscriptionId) => verb switch
    {
        ClientVerb.Event or ClientVerb.Auth when hasEventId => NostrReplyKind.OkFalse,
        ClientVerb.Req or ClientVerb.Count when hasSubscriptionId => NostrReplyKind.Closed,
        ClientVerb.NegOpen or ClientVerb.NegMsg when hasSubscriptionId => NostrReplyKind.NegErr,
        ClientVerb.NegClose when hasSubscriptionId => NostrReplyKind.None,
        _ => NostrReplyKind.Notice,
    };

    /// <summary>NIP-01's machine-readable prefix for a reason: <c>unsupported: </c> for what the relay does not implement, else <c>invalid: </c>.</summary>
    public static string PrefixFor(ClientErrorReason reason) => reason switch
    {
        ClientErrorReason.UnknownVerb or ClientErrorReason.UnsupportedVerb or ClientErrorReason.UnsupportedFilter => "unsupported: ",
        _ => "invalid: ",
    };

    /// <summary>The message text.</summary>
    public override string ToString() => Message;
}
