namespace Relay.Actors;

/// <summary>
/// Stops the actor when it is processed: it is an ordinary message in mailbox order, so every message
/// sent before it is handled first; messages after it become dead letters.
/// </summary>
public sealed class PoisonPill : IAutoReceivedMessage
{
    private PoisonPill()
    {
    }

    /// <summary>The singleton instance.</summary>
    public static PoisonPill Instance { get; } = new();

    /// <inheritdoc/>
    public override string ToString() => "<PoisonPill>";
}
