namespace Relay.Actors.Internal;

/// <summary>
/// The temporary reference an <c>Ask</c> sends as the sender (path <c>/temp/$…</c>): the first message told
/// to it completes the task (a <see cref="Status.Failure"/> faults it with its cause); later ones are dead
/// letters. It can be watched: it "dies" when the ask completes.
/// </summary>
/// <remarks>Thread-safe: replies, the timeout and cancellation race; the first wins.</remarks>
internal sealed class PromiseActorRef<T> : InternalActorRef
{
    // RunContinuationsAsynchronously: the asker's continuation must not run inline on the replying
    // actor's thread (it would run inside that actor's mailbox run).
    private readonly TaskCompletionSource<T> _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActorSystem _system;
    private readonly Lock _watchersLock = new();
    private List<InternalActorRef>? _watchers;
    private ITimer? _timer;
    private CancellationTokenRegistration _cancellation;

    public PromiseActorRef(ActorSystem system, ActorPath path)
    {
        _system = system;
        Path = path;
    }

    public override ActorPath Path { get; }

    public Task<T> Task => _promise.Task;

    /// <summary>Arms the timeout and the cancellation; both fault or cancel the task if nothing came first.</summary>
    public void Start(TimeSpan? timeout, IActorRef target, object message, CancellationToken cancellationToken)
    {
        if (timeout is { } t && t > TimeSpan.Zero && t != Timeout.InfiniteTimeSpan)
        {
            var description = $"Ask timed out on [{target}] after [{t.TotalMilliseconds} ms]. " +
                $"Message of type [{message.GetType()}] was sent by [{Path}].";
            _timer = _system.TimeProvider.CreateTimer(
                static state =>
                {
                    var (self, text) = ((PromiseActorRef<T>, string))state!;
                    if (self._promise.TrySetException(new AskTimeoutException(text))) self.OnCompleted();
                },
                (this, description), t, Timeout.InfiniteTimeSpan);
        }
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.Register(static state =>
            {
                var self = (PromiseActorRef<T>)state!;
                if (self._promise.TrySetCanceled()) self.OnCompleted();
            }, this);
        }
    }

    public override void Tell(object message, IActorRef? sender)
    {
        if (message is null) ThrowHelper.ThrowNullMessage();
        var completed = message switch
        {
            // Akka documents that replying Status.Failure faults the ask, unless the asker asked for it.
            Status.Failure failure when typeof(T) != typeof(Status.Failure) && typeof(T) != typeof(Status) =>
                _promise.TrySetException(failure.Cause),
            T result => _promise.TrySetResult(result),
            _ => _promise.TrySetException(new ArgumentException(
                $"Received message of type [{message.GetType()}] - Ask expected message of type [{typeof(T)}]")),
        };
        if (completed) OnCompleted();
        else _system.PublishDeadLetter(message, sender, this);
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case SystemMessage.Watch watch when ReferenceEquals(watch.Watchee, this):
                bool dead;
                lock (_watchersLock)
                {
                    dead = _promise.Task.IsCompleted;
                    if (!dead) (_watchers ??= []).Add(watch.Watcher);
                }
                if (dead) watch.Watcher.SendSystemMessage(new SystemMessage.DeathWatchNotification(this, false));
                break;
            case SystemMessage.Unwatch unwatch:
                lock (_watchersLock) _watchers?.Remove(unwatch.Watcher);
                break;
            default:
                break;
        }
    }

    private void OnCompleted()
    {
        _timer?.Dispose();
        _cancellation.Dispose();
        List<InternalActorRef>? watchers;
        lock (_watchersLock)
        {
            watchers = _watchers;
            _watchers = null;
        }
        if (watchers is null) return;
        foreach (var watcher in watchers)
            watcher.SendSystemMessage(new SystemMessage.DeathWatchNotification(this, existenceConfirmed: true));
    }
}
