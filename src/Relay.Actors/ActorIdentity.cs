namespace Relay.Actors;

/// <summary>The reply to <see cref="Identify"/>.</summary>
public sealed class ActorIdentity
{
    /// <summary>Creates the reply.</summary>
    /// <param name="messageId">The id from the request.</param>
    /// <param name="subject">The identified actor, or <see langword="null"/> when it does not exist.</param>
    public ActorIdentity(object? messageId, IActorRef? subject)
    {
        MessageId = messageId;
        Subject = subject;
    }

    /// <summary>The id from the request.</summary>
    public object? MessageId { get; }

    /// <summary>The identified actor, or <see langword="null"/>.</summary>
    public IActorRef? Subject { get; }

    /// <inheritdoc/>
    public override string ToString() => $"<ActorIdentity>: {MessageId} {Subject}";
}
