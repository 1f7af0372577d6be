namespace Relay.Nostr.Messages;

/// <summary><c>["CLOSE", sub]</c>: end a subscription (NIP-01). No reply is due.</summary>
/// <param name="SubscriptionId">The subscription to end.</param>
public sealed record CloseMessage(SubscriptionId SubscriptionId) : ClientMessage
{
    /// <inheritdoc />
    public override ClientVerb Verb => ClientVerb.Close;
}
