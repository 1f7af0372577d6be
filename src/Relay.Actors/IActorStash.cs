namespace Relay.Actors;

/// <summary>Implemented by actors with a stash; the kernel sets <see cref="Stash"/> while the instance is
/// being constructed (before the constructor body runs).</summary>
public interface IActorStash
{
    /// <summary>The actor's stash; set by the kernel.</summary>
    IStash Stash { get; set; }
}
