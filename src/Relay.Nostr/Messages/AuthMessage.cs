using Relay.Nostr.Events;

namespace Relay.Nostr.Messages;

/// <summary>
/// <c>["AUTH", event]</c>: answer to the relay's challenge (NIP-42). The relay checks kind 22242, the
/// <c>challenge</c> and <c>relay</c> tags, a recent <c>created_at</c> and the signature; it answers with <c>OK</c>
/// and never broadcasts the event.
/// </summary>
/// <param name="Event">The authentication event (id checked, signature not yet).</param>
public sealed record AuthMessage(NostrEvent Event) : ClientMessage
{
    /// <inheritdoc />
    public override ClientVerb Verb => ClientVerb.Auth;
}
