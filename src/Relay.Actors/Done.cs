namespace Relay.Actors;

/// <summary>A unit value meaning "finished", used by <see cref="CoordinatedShutdown"/> tasks (as in Akka.NET).</summary>
public sealed class Done
{
    private Done()
    {
    }

    /// <summary>The singleton instance.</summary>
    public static Done Instance { get; } = new();

    /// <inheritdoc/>
    public override string ToString() => "Done";
}
