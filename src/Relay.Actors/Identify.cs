namespace Relay.Actors;

/// <summary>Asks any actor for its reference; it answers with <see cref="ActorIdentity"/> (handled by the kernel).</summary>
public sealed class Identify : IAutoReceivedMessage
{
    /// <summary>Creates the request.</summary>
    /// <param name="messageId">Echoed back in <see cref="ActorIdentity.MessageId"/>.</param>
    public Identify(object? messageId) => MessageId = messageId;

    /// <summary>The correlation id.</summary>
    public object? MessageId { get; }

    /// <inheritdoc/>
    public override string ToString() => $"<Identify>: {MessageId}";
}
