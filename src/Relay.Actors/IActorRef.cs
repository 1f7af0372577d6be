namespace Relay.Actors;

/// <summary>
/// An immutable handle to an actor: the only way to talk to it. Two references are equal when they
/// designate the same actor incarnation (identity), so a restarted actor keeps its reference while an
/// actor re-created under the same name gets a new one.
/// </summary>
/// <remarks>Thread-safe: references may be shared freely and used from any thread.</remarks>
public interface IActorRef : ICanTell, IEquatable<IActorRef>, IComparable<IActorRef>, IComparable
{
    /// <summary>The actor's path in the hierarchy, e.g. <c>akka://relay/user/writer</c>.</summary>
    ActorPath Path { get; }
}
