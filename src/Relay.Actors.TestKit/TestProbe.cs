using Relay.Actors.Internal;

namespace Relay.Actors.TestKit;

/// <summary>
/// A further test actor with its own expectations (Akka.TestKit's <c>TestProbe</c>). A probe is itself an
/// <see cref="IActorRef"/>: telling it a message, using it as a sender, watching or stopping it acts on
/// <see cref="Ref"/>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1036:Override methods on comparable types",
    Justification = "References are ordered for sorted collections only; relational operators on them would mislead.")]
public sealed class TestProbe : TestKitBase, IActorRef, IActorRefWrapper
{
    /// <summary>Creates a probe on any system (e.g. one a host created); inside a <see cref="TestKit"/> use
    /// <see cref="TestKitBase.CreateTestProbe"/>.</summary>
    /// <param name="system">The system.</param>
    /// <param name="name">Optional name prefix.</param>
    public TestProbe(ActorSystem system, string? name = null)
        : this(system, TestKitSettings.Default, name ?? "testProbe")
    {
    }

    internal TestProbe(ActorSystem system, TestKitSettings settings, string name)
        : base(system, settings, name)
    {
    }

    /// <summary>The probe's actor.</summary>
    public IActorRef Ref => TestActor;

    /// <summary>The sender of the last received message (Akka's <c>Sender</c> on probes).</summary>
    public IActorRef Sender => LastSender;

    /// <inheritdoc/>
    public ActorPath Path => Ref.Path;

    InternalActorRef IActorRefWrapper.Underlying => (InternalActorRef)Ref;

    /// <summary>Sends <paramref name="message"/> to the probe's actor.</summary>
    /// <param name="message">The message.</param>
    /// <param name="sender">The sender.</param>
    public void Tell(object message, IActorRef? sender) => Ref.Tell(message, sender);

    /// <summary>Sends <paramref name="message"/> to <paramref name="actor"/> with the probe as sender.</summary>
    /// <param name="actor">The recipient.</param>
    /// <param name="message">The message.</param>
    public void Send(IActorRef actor, object message)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Tell(message, Ref);
    }

    /// <summary>Replies to the sender of the last received message, with the probe as sender.</summary>
    /// <param name="message">The reply.</param>
    public void Reply(object message) => LastSender.Tell(message, Ref);

    /// <summary>Forwards the last received message to <paramref name="actor"/>, keeping its original sender.</summary>
    /// <param name="actor">The recipient.</param>
    public void Forward(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var message = LastMessage ?? throw new InvalidOperationException("The probe has not received any message to forward");
        actor.Tell(message, LastSender);
    }

    /// <summary>Sends <paramref name="message"/> to <paramref name="actor"/> with the last message's sender.</summary>
    /// <param name="actor">The recipient.</param>
    /// <param name="message">The message.</param>
    public void Forward(IActorRef actor, object message)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Tell(message, LastSender);
    }

    /// <inheritdoc/>
    public bool Equals(IActorRef? other) => other is not null && (ReferenceEquals(this, other) || Ref.Equals(other));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Ref.GetHashCode();

    /// <inheritdoc/>
    public int CompareTo(IActorRef? other) => Ref.CompareTo(other);

    /// <inheritdoc/>
    public int CompareTo(object? obj) => Ref.CompareTo(obj);

    /// <inheritdoc/>
    public override string ToString() => $"TestProbe({Ref})";
}
