namespace Relay.Actors;

/// <summary>
/// Makes the actor throw <see cref="ActorKilledException"/> when processed, so its supervisor decides
/// (the default decider stops it).
/// </summary>
public sealed class Kill : IAutoReceivedMessage
{
    private Kill()
    {
    }

    /// <summary>The singleton instance.</summary>
    public static Kill Instance { get; } = new();

    /// <inheritdoc/>
    public override string ToString() => "<Kill>";
}
