namespace Relay.Actors.Internal;

internal sealed partial class ActorCell
{
    // Created with the first child (CreateChildrenLock): an actor that never has children never needs it,
    // and all the state below stays at its defaults until then, so a reader that finds no lock reads those.
    // The children being stopped and the cause of a pending re-creation are in the extras (ToDie,
    // RecreateCause), guarded by this lock too; the anonymous-name counter there is Interlocked.
    private Lock? _childrenLock;
    private ChildTable _children;                                // guarded by _childrenLock
    private SuspendReason _suspendReason;                        // guarded by _childrenLock

    private bool IsTerminating
    {
        get
        {
            if (Volatile.Read(ref _childrenLock) is not { } gate) return false;
            lock (gate) return _suspendReason == SuspendReason.Termination;
        }
    }

    private bool IsNormal => !IsTerminating;

    private bool IsWaitingForChildren
    {
        get
        {
            if (Volatile.Read(ref _childrenLock) is not { } gate) return false;
            lock (gate) return _suspendReason != SuspendReason.None;
        }
    }

    public IActorRef ActorOf(Props props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        var childName = name ?? NextChildName();
        if (name is not null) ActorNames.Validate(name);
        var path = _self.Path.Child(childName, _system.NextUid());
        lock (Volatile.Read(ref _childrenLock) ?? CreateChildrenLock())
        {
            if (_suspendReason == SuspendReason.Termination || _terminated)
                throw new InvalidOperationException($"Cannot create child '{childName}': {_self.Path} is terminating");
            if (_children.TryGetValue(childName, out _))
                throw new InvalidActorNameException($"Actor name \"{childName}\" is not unique!");
            // Build the cell inside the lock: a bad dispatcher/mailbox id throws before the name is taken.
            var cell = new ActorCell(_system, path, props, _self);
            _children.TryAdd(new ChildRestartStats(cell.SelfRef));
            cell.Start();
            return cell.SelfRef;
        }
    }

    /// <summary>Publishes the children lock once; ActorOf may run on several threads for the guardians.</summary>
    private Lock CreateChildrenLock()
    {
        Interlocked.CompareExchange(ref _childrenLock, new Lock(), null);
        return _childrenLock;
    }

    /// <summary>Akka's anonymous names: <c>$a</c>, <c>$b</c>, … (base-64 of a counter).</summary>
    private string NextChildName() => ActorNames.Anonymous(Interlocked.Increment(ref Extras.ChildNameCounter) - 1);

    public IActorRef Child(string name)
    {
        if (Volatile.Read(ref _childrenLock) is not { } gate) return ActorRefs.Nobody;
        lock (gate) return _children.TryGetValue(name, out var stats) ? stats.Child : ActorRefs.Nobody;
    }

    public IEnumerable<IActorRef> GetChildren() => ChildrenSnapshot();

    private LocalActorRef[] ChildrenSnapshot()
    {
        if (Volatile.Read(ref _childrenLock) is not { } gate) return [];
        lock (gate) return _children.Children();
    }

    private List<ChildRestartStats> ChildrenStatsSnapshot()
    {
        if (Volatile.Read(ref _childrenLock) is not { } gate) return [];
        lock (gate) return _children.Stats();
    }

    private ChildRestartStats? FindChildStats(IActorRef child)
    {
        if (Volatile.Read(ref _childrenLock) is not { } gate) return null;
        lock (gate)
        {
            return _children.TryGetValue(child.Path.Name, out var stats) && ReferenceEquals(stats.Child, child)
                ? stats
                : null;
        }
    }

    public void Stop(IActorRef actor)
    {
        var target = ActorRefs.Unwrap(actor);
        if (target is null) return;
        if (target is LocalActorRef local && FindChildStats(local) is not null)
        {
            var extras = Extras;
            lock (_childrenLock!) (extras.ToDie ??= []).Add(local);   // a child was found: the lock exists
        }
        target.Stop();
    }

    private void StopChildren()
    {
        foreach (var child in ChildrenSnapshot()) Stop(child);
    }

    private void SuspendChildren(InternalActorRef? except, IReadOnlyCollection<IActorRef>? alsoExcept)
    {
        foreach (var child in ChildrenSnapshot())
        {
            if (ReferenceEquals(child, except) || (alsoExcept is not null && alsoExcept.Contains(child))) continue;
            child.Suspend();
        }
    }

    private void ResumeChildren(Exception? causedByFailure, InternalActorRef? perpetrator)
    {
        foreach (var child in ChildrenSnapshot())
            child.Resume(ReferenceEquals(child, perpetrator) ? causedByFailure : null);
    }

    /// <summary>Starts waiting for the children being stopped, if any; false when there are none.</summary>
    private bool SetChildrenTerminationReason(SuspendReason reason, Exception? cause)
    {
        if (Volatile.Read(ref _childrenLock) is not { } gate) return false;
        lock (gate)
        {
            if (_extras is not { ToDie.Count: > 0 } extras) return false;
            // Termination is final: a restart requested meanwhile must not replace it.
            if (_suspendReason != SuspendReason.Termination)
            {
                _suspendReason = reason;
                extras.RecreateCause = cause;
            }
            return true;
        }
    }

    /// <summary>Reaps a dead child; says which wait, if any, has just completed.</summary>
    private (SuspendReason Reason, Exception? Cause) RemoveChildAndGetStateChange(InternalActorRef child)
    {
        if (Volatile.Read(ref _childrenLock) is not { } gate) return (SuspendReason.None, null);
        lock (gate)
        {
            // A suspend reason is only set with children to die, so the extras exist past the second test.
            var extras = _extras;
            if (child is LocalActorRef local)
            {
                _children.Remove(local);
                extras?.ToDie?.Remove(local);
            }
            if (extras?.ToDie is { Count: > 0 } || _suspendReason == SuspendReason.None) return (SuspendReason.None, null);
            var reason = _suspendReason;
            var cause = extras!.RecreateCause;
            if (reason != SuspendReason.Termination)
            {
                _suspendReason = SuspendReason.None;
                extras.RecreateCause = null;
            }
            return (reason, cause);
        }
    }

    private bool IsChild(InternalActorRef actor) =>
        actor is LocalActorRef local && FindChildStats(local) is not null;
}
