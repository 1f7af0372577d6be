using Relay.Nostr.Events;

namespace Relay.Nostr.Messages;

/// <summary><c>["EVENT", event]</c>: publish an event (NIP-01). Its id is checked; its signature is not yet.</summary>
/// <param name="Event">The event.</param>
public sealed record EventMessage(NostrEvent Event) : ClientMessage
{
    /// <inheritdoc />
    public override ClientVerb Verb => ClientVerb.Event;
}
