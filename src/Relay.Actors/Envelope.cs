namespace Relay.Actors;

/// <summary>A message together with its sender, as it sits in a mailbox or a stash.</summary>
/// <remarks>A struct so that enqueueing an existing message object allocates nothing.</remarks>
public readonly struct Envelope : IEquatable<Envelope>
{
    /// <summary>Creates an envelope.</summary>
    /// <param name="message">The message.</param>
    /// <param name="sender">The sender, or <see langword="null"/> when there is none.</param>
    public Envelope(object message, IActorRef? sender)
    {
        Message = message;
        Sender = sender;
    }

    /// <summary>The message.</summary>
    public object Message { get; }

    /// <summary>The sender, or <see langword="null"/> when the message was sent without one.</summary>
    public IActorRef? Sender { get; }

    /// <inheritdoc/>
    public bool Equals(Envelope other) => Equals(Message, other.Message) && Equals(Sender, other.Sender);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Envelope other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Message, Sender);

    /// <summary>Compares two envelopes by message and sender.</summary>
    public static bool operator ==(Envelope left, Envelope right) => left.Equals(right);

    /// <summary>Compares two envelopes by message and sender.</summary>
    public static bool operator !=(Envelope left, Envelope right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() => $"<{Message}> from {Sender?.ToString() ?? "NoSender"}";
}
