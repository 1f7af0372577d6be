namespace Relay.Nostr.Messages;

/// <summary>
/// A valid message from a client, as <see cref="ClientMessageParser"/> returns it. The closed set:
/// <see cref="EventMessage"/>, <see cref="ReqMessage"/>, <see cref="CloseMessage"/>, <see cref="CountMessage"/>,
/// <see cref="AuthMessage"/>.
/// </summary>
public abstract record ClientMessage
{
    private protected ClientMessage()
    {
    }

    /// <summary>The message type.</summary>
    public abstract ClientVerb Verb { get; }
}
