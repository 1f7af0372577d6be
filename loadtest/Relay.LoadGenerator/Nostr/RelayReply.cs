namespace Relay.LoadGenerator.Nostr;

/// <summary>
/// One relay message as read by <see cref="RelayReplyReader"/>. Spans point into the received payload and are
/// valid only until the next receive on that connection.
/// </summary>
internal readonly ref struct RelayReply
{
    /// <summary>The message type.</summary>
    public RelayVerb Verb { get; init; }

    /// <summary>The subscription id of EVENT, EOSE and CLOSED, as its raw JSON string bytes.</summary>
    public ReadOnlySpan<byte> SubscriptionId { get; init; }

    /// <summary>The event id of OK, or the delivered event's <c>id</c> field for EVENT (lowercase hex).</summary>
    public ReadOnlySpan<byte> EventId { get; init; }

    /// <summary>OK's accepted flag.</summary>
    public bool Accepted { get; init; }

    /// <summary>The text of OK, CLOSED and NOTICE (empty when absent).</summary>
    public string Message { get; init; }
}
