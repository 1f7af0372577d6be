namespace Relay.Actors;

/// <summary>
/// Delivered to an actor that set a receive timeout and got no (influencing) message for that long;
/// delivered again after each further idle period until the timeout is cleared.
/// </summary>
public sealed class ReceiveTimeout
{
    private ReceiveTimeout()
    {
    }

    /// <summary>The singleton instance.</summary>
    public static ReceiveTimeout Instance { get; } = new();

    /// <inheritdoc/>
    public override string ToString() => "<ReceiveTimeout>";
}
