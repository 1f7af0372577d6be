namespace Relay.Actors;

/// <summary>
/// The reference to no actor (<see cref="ActorRefs.Nobody"/>), returned e.g. by <c>Context.Child</c> for an
/// unknown name. Messages to it are dropped; watching it yields <see cref="Terminated"/> at once.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1036:Override methods on comparable types",
    Justification = "References are ordered for sorted collections only; relational operators on them would mislead.")]
public sealed class Nobody : IActorRef
{
    /// <summary>Akka.NET's path for Nobody.</summary>
    internal static readonly ActorPath NobodyPath = ActorPath.CreateRoot("all-systems") / "Nobody";

    private Nobody()
    {
    }

    /// <summary>The singleton instance.</summary>
    public static Nobody Instance { get; } = new();

    /// <inheritdoc/>
    public ActorPath Path => NobodyPath;

    /// <inheritdoc/>
    public void Tell(object message, IActorRef? sender)
    {
    }

    /// <inheritdoc/>
    public bool Equals(IActorRef? other) => ReferenceEquals(this, other) || other is Internal.NobodyRef;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <inheritdoc/>
    public override int GetHashCode() => 0;

    /// <inheritdoc/>
    public int CompareTo(IActorRef? other) => other is null ? 1 : Path.CompareTo(other.Path);

    /// <inheritdoc/>
    public int CompareTo(object? obj) => obj is IActorRef other ? CompareTo(other) : 1;

    /// <inheritdoc/>
    public override string ToString() => "Nobody";
}
