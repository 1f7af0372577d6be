namespace Relay.Actors.Internal;

/// <summary>
/// The kernel side of one actor: its mailbox, current instance and behaviour stack, children, watches,
/// timers and supervision state. It is also the actor's <see cref="IActorContext"/>.
/// </summary>
/// <remarks>
/// Thread-safety: all state is touched only inside a mailbox run (one thread at a time), except the
/// children table, which <see cref="ActorSystem.ActorOf(Props, string?)"/> may reach from any thread for
/// the guardian and which is therefore guarded by <c>_childrenLock</c>. Rarely used state lives in
/// <see cref="ActorCellExtras"/>, created on first use by whichever thread needs it first (see there).
/// </remarks>
internal sealed partial class ActorCell : IActorContext
{
    [ThreadStatic] private static ActorCell? t_current;
    [ThreadStatic] private static ActorCell? t_creating;

    private readonly ActorSystem _system;
    private readonly LocalActorRef _self;
    private readonly InternalActorRef _parent;
    private readonly Props _props;
    private readonly Mailbox _mailbox;
    private ActorBase? _actor;
    // The top of the behaviour stack (the rest is in the extras: only BecomeStacked needs it).
    // Null stands for the instance's own Receive, so an actor that never calls Become holds no delegate.
    private Receive? _behavior;
    private object? _currentMessage;
    private IActorRef? _currentSender;
    private int _envelopeId;
    private int _incarnation;
    private volatile bool _terminated;
    // Null until the actor needs rarely used state; an ordinary actor never creates it.
    private ActorCellExtras? _extras;

    public ActorCell(ActorSystem system, ActorPath path, Props props, InternalActorRef parent)
    {
        _system = system;
        _props = props;
        _parent = parent;
        _self = new LocalActorRef(this, path);
        var mailboxType = system.ResolveMailbox(props);
        var pinned = ActorSystem.IsPinnedDispatcher(props.Dispatcher);
        _mailbox = new Mailbox(this, mailboxType, pinned,
            pinned ? system.Settings.PinnedThroughput : system.Settings.Throughput);
        TypeStats = system.Metrics.Register(props.Type, _mailbox);
    }

    /// <summary>The cell whose mailbox runs on this thread, if any.</summary>
    internal static ActorCell? Current => t_current;

    /// <summary>The cell whose actor instance is being constructed on this thread, if any.</summary>
    internal static ActorCell? Creating => t_creating;

    internal static ActorCell? SwapCurrent(ActorCell? cell)
    {
        var previous = t_current;
        t_current = cell;
        return previous;
    }

    public ActorSystem System => _system;

    public IActorRef Self => _self;

    internal LocalActorRef SelfRef => _self;

    public IActorRef Parent => _parent;

    public Props Props => _props;

    internal Mailbox Mailbox => _mailbox;

    internal ActorTypeStats TypeStats { get; }

    internal bool IsTerminated => _terminated;

    /// <summary>The rarely used state, created on first use; read through <c>_extras?.</c> where absence
    /// means "default".</summary>
    /// <remarks>Created with a compare-exchange: some of its fields are written outside the actor's runs
    /// (child names, event-stream subscription, the children lock's state), so two threads may race here.
    /// The loser's object is dropped before anything is written to it.</remarks>
    private ActorCellExtras Extras => Volatile.Read(ref _extras) ?? CreateExtras();

    private ActorCellExtras CreateExtras()
    {
        Interlocked.CompareExchange(ref _extras, new ActorCellExtras(), null);
        return _extras;
    }

    /// <summary>The sender of the message being processed; dead letters when it has none (Akka.NET).</summary>
    public IActorRef Sender => _currentSender ?? _system.DeadLetters;

    /// <summary>The raw sender of the message being processed (null when sent without one).</summary>
    internal IActorRef? CurrentSenderOrNull => _currentSender;

    /// <summary>The message being processed (null outside a message).</summary>
    internal object? CurrentMessage => _currentMessage;

    internal int CurrentEnvelopeId => _envelopeId;

    /// <summary>Queues Create and lets the dispatcher run the cell.</summary>
    internal void Start()
    {
        _mailbox.Attach();
        _self.SendSystemMessage(new SystemMessage.Create());
    }

    public void Become(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        _behavior = receive;    // replaces the top
    }

    public void BecomeStacked(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        PushBehavior(receive);
    }

    public void UnbecomeStacked()
    {
        if (_extras?.BehaviorStack is { Count: > 0 } stack)
        {
            _behavior = stack.Pop();
        }
        else
        {
            // Akka: unbecoming the last behaviour restores the instance's own Receive.
            ResetBehavior();
        }
    }

    private void PushBehavior(Receive receive)
    {
        (Extras.BehaviorStack ??= new Stack<Receive?>()).Push(_behavior);
        _behavior = receive;
    }

    private void ResetBehavior()
    {
        _extras?.BehaviorStack = null;
        _behavior = null;
    }

    /// <summary>Creates a new instance from the props inside this context (constructor, then binding).</summary>
    private ActorBase NewActor()
    {
        var previous = t_creating;
        t_creating = this;
        // The instance's own behaviour (null); a Become in the constructor replaces it.
        ResetBehavior();
        ActorBase? instance;
        try
        {
            instance = _props.NewActor();
        }
        catch (Exception e) when (e is not ActorInitializationException)
        {
            throw new ActorInitializationException(_self, $"Exception while creating actor of type {_props.Type}", e);
        }
        finally
        {
            t_creating = previous;
        }
        if (instance is null)
            throw new ActorInitializationException(_self, $"The props factory of {_props.Type} returned null");
        instance.BindToCell(this);
        _incarnation++;
        _extras?.ChildStrategy = null;
        instance.OnConstructed();
        return instance;
    }

    internal TimerScheduler CreateTimers() => Extras.Timers = new TimerScheduler(this);

    internal UnboundedStash CreateStash() => Extras.Stash = new UnboundedStash(this);

    /// <summary>The strategy for children: from the props, else the instance's override (asked once).</summary>
    private SupervisorStrategy ChildStrategy =>
        Extras.ChildStrategy ??= _props.SupervisorStrategy ?? _actor?.SupervisorStrategyInternal() ?? SupervisorStrategy.DefaultStrategy;

    /// <summary>Clears what belongs to one instance: timers, behaviours; disposes the instance.</summary>
    private void ClearActor(ActorBase? actor)
    {
        if (_extras is { } extras)
        {
            extras.Timers?.CancelAll();
            extras.Timers = null;
        }
        ResetBehavior();
        if (actor is IDisposable disposable)
        {
            try
            {
                disposable.Dispose();
            }
            catch (Exception e)
            {
                KernelLog.DisposeFailed(_system.Log, _self.Path, e);
            }
        }
    }

    /// <summary>A bug in the kernel escaped a run: log it and stop the actor rather than lose the thread.</summary>
    internal void OnKernelFailure(Exception e)
    {
        KernelLog.KernelFailure(_system.Log, _self.Path, e);
        if (!_terminated) _self.Stop();
    }

    public override string ToString() => $"ActorCell({_self.Path})";
}
