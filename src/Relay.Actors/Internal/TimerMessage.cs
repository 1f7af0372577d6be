namespace Relay.Actors.Internal;

/// <summary>
/// What a timer actually sends: the user's message wrapped with the timer's key, generation and owner, so
/// the cell can drop messages of cancelled or replaced timers and of a previous incarnation's timers.
/// One object per timer start (a periodic timer resends the same one).
/// </summary>
internal sealed class TimerMessage(object key, int generation, TimerScheduler owner, object message, LocalActorRef self,
    IActorRef? sender)
    : IAutoReceivedMessage
{
    public object Key { get; } = key;

    public int Generation { get; } = generation;

    public TimerScheduler Owner { get; } = owner;

    public object Message { get; } = message;

    public bool InfluencesReceiveTimeout { get; } = message is not INotInfluenceReceiveTimeout;

    /// <summary>Timer callback (any thread). Past a bounded mailbox's capacity: at most one message per
    /// period per timer, and dropping one would break "a started single timer delivers once".</summary>
    public void Fire() => self.PostKernelMessage(this, sender);

    public override string ToString() => $"<Timer {Key}#{Generation}: {Message}>";
}
