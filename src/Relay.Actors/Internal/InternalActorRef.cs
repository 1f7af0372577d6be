namespace Relay.Actors.Internal;

/// <summary>Base of the kernel's references: equality is identity (one object per incarnation).</summary>
/// <remarks>Thread-safe.</remarks>
internal abstract class InternalActorRef : IActorRef
{
    public abstract ActorPath Path { get; }

    public abstract void Tell(object message, IActorRef? sender);

    /// <summary>The reference user code should see for this one (differs only for <see cref="NobodyRef"/>).</summary>
    internal virtual IActorRef PublicRef => this;

    /// <summary>Delivers a system message (lifecycle, watch, supervision).</summary>
    public abstract void SendSystemMessage(SystemMessage message);

    public void Stop() => SendSystemMessage(new SystemMessage.Terminate());

    public void Suspend() => SendSystemMessage(new SystemMessage.Suspend());

    public void Resume(Exception? causedByFailure) => SendSystemMessage(new SystemMessage.Resume(causedByFailure));

    public void Restart(Exception cause) => SendSystemMessage(new SystemMessage.Recreate(cause));

    public bool Equals(IActorRef? other) => ReferenceEquals(this, ActorRefs.Unwrap(other));

    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    public override int GetHashCode() => Path.Uid != 0 ? Path.Uid.GetHashCode() : base.GetHashCode();

    public int CompareTo(IActorRef? other)
    {
        if (other is null) return 1;
        var byPath = Path.CompareTo(other.Path);
        return byPath != 0 ? byPath : Path.Uid.CompareTo(other.Path.Uid);
    }

    public int CompareTo(object? obj) => obj is IActorRef other ? CompareTo(other) : 1;

    /// <summary>Akka.NET's format: <c>[akka://sys/user/a#uid]</c>.</summary>
    public override string ToString() => Path.Uid != 0 ? $"[{Path}#{Path.Uid}]" : $"[{Path}]";
}
