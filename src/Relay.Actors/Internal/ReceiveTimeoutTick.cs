namespace Relay.Actors.Internal;

/// <summary>The receive-timeout timer's message to its actor; one object per <c>SetReceiveTimeout</c>.</summary>
internal sealed class ReceiveTimeoutTick(int generation, LocalActorRef owner) : IAutoReceivedMessage, INotInfluenceReceiveTimeout
{
    public int Generation { get; } = generation;

    // Bypasses a bounded mailbox's capacity: one tick at a time, and dropping it would silence the timeout.
    public void Fire() => owner.PostKernelMessage(this, null);

    public override string ToString() => $"<ReceiveTimeoutTick {Generation}>";
}
