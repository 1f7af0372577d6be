namespace Relay.Actors;

/// <summary>
/// Sent exactly once to each watcher of an actor when that actor has stopped (see
/// <see cref="IActorContext.Watch(IActorRef)"/>). Its sender is the dead actor. A watcher that does not handle
/// it fails with <see cref="DeathPactException"/>.
/// </summary>
public sealed class Terminated : IAutoReceivedMessage, IEquatable<Terminated>
{
    /// <summary>Creates the notification.</summary>
    /// <param name="actorRef">The actor that stopped.</param>
    /// <param name="existenceConfirmed"><see langword="false"/> when the actor was already gone when watched.</param>
    /// <param name="addressTerminated">Always <see langword="false"/> here (no remoting); kept for Akka.NET parity.</param>
    public Terminated(IActorRef actorRef, bool existenceConfirmed, bool addressTerminated)
    {
        ActorRef = actorRef;
        ExistenceConfirmed = existenceConfirmed;
        AddressTerminated = addressTerminated;
    }

    /// <summary>The actor that stopped.</summary>
    public IActorRef ActorRef { get; }

    /// <summary><see langword="true"/> when the actor was alive when the watch was established.</summary>
    public bool ExistenceConfirmed { get; }

    /// <summary>Always <see langword="false"/>: the kernel is local only.</summary>
    public bool AddressTerminated { get; }

    /// <inheritdoc/>
    public bool Equals(Terminated? other) =>
        other is not null && ActorRef.Equals(other.ActorRef) && ExistenceConfirmed == other.ExistenceConfirmed
        && AddressTerminated == other.AddressTerminated;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Terminated other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ActorRef, ExistenceConfirmed, AddressTerminated);

    /// <inheritdoc/>
    public override string ToString() => $"<Terminated>: {ActorRef} - ExistenceConfirmed={ExistenceConfirmed}";
}
