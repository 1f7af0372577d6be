namespace Relay.Actors.Internal;

internal sealed partial class ActorCell
{
    private readonly Lock _childrenLock = new();
    private Dictionary<string, ChildRestartStats>? _children;   // guarded by _childrenLock
    private HashSet<LocalActorRef>? _toDie;                      // guarded by _childrenLock
    private SuspendReason _suspendReason;                        // guarded by _childrenLock
    private Exception? _recreateCause;                           // guarded by _childrenLock
    private long _childNameCounter;

    private bool IsTerminating
    {
        get
        {
            lock (_childrenLock) return _suspendReason == SuspendReason.Termination;
        }
    }

    private bool IsNormal => !IsTerminating;

    private bool IsWaitingForChildren
    {
        get
        {
            lock (_childrenLock) return _suspendReason != SuspendReason.None;
        }
    }

    public IActorRef ActorOf(Props props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        var childName = name ?? NextChildName();
        if (name is not null) ActorNames.Validate(name);
        var path = _self.Path.Child(childName, _system.NextUid());
        lock (_childrenLock)
        {
            if (_suspendReason == SuspendReason.Termination || _terminated)
                throw new InvalidOperationException($"Cannot create child '{childName}': {_self.Path} is terminating");
            _children ??= new Dictionary<string, ChildRestartStats>(StringComparer.Ordinal);
            if (_children.ContainsKey(childName))
                throw new InvalidActorNameException($"Actor name \"{childName}\" is not unique!");
            // Build the cell inside the lock: a bad dispatcher/mailbox id throws before the name is taken.
            var cell = new ActorCell(_system, path, props, _self);
            _children.Add(childName, new ChildRestartStats(cell.SelfRef));
            cell.Start();
            return cell.SelfRef;
        }
    }

    /// <summary>Akka's anonymous names: <c>$a</c>, <c>$b</c>, … (base-64 of a counter).</summary>
    private string NextChildName() => ActorNames.Anonymous(Interlocked.Increment(ref _childNameCounter) - 1);

    public IActorRef Child(string name)
    {
        lock (_childrenLock)
        {
            return _children is not null && _children.TryGetValue(name, out var stats) ? stats.Child : ActorRefs.Nobody;
        }
    }

    public IEnumerable<IActorRef> GetChildren() => ChildrenSnapshot();

    private LocalActorRef[] ChildrenSnapshot()
    {
        lock (_childrenLock)
        {
            if (_children is not { Count: > 0 }) return [];
            var result = new LocalActorRef[_children.Count];
            var i = 0;
            foreach (var stats in _children.Values) result[i++] = stats.Child;
            return result;
        }
    }

    private List<ChildRestartStats> ChildrenStatsSnapshot()
    {
        lock (_childrenLock) return _children is null ? [] : [.. _children.Values];
    }

    private ChildRestartStats? FindChildStats(IActorRef child)
    {
        lock (_childrenLock)
        {
            return _children is not null && _children.TryGetValue(child.Path.Name, out var stats)
                && ReferenceEquals(stats.Child, child)
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
            lock (_childrenLock) (_toDie ??= []).Add(local);
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
        lock (_childrenLock)
        {
            if (_toDie is not { Count: > 0 }) return false;
            // Termination is final: a restart requested meanwhile must not replace it.
            if (_suspendReason != SuspendReason.Termination)
            {
                _suspendReason = reason;
                _recreateCause = cause;
            }
            return true;
        }
    }

    /// <summary>Reaps a dead child; says which wait, if any, has just completed.</summary>
    private (SuspendReason Reason, Exception? Cause) RemoveChildAndGetStateChange(InternalActorRef child)
    {
        lock (_childrenLock)
        {
            if (child is LocalActorRef local)
            {
                if (_children is not null && _children.TryGetValue(local.Path.Name, out var stats)
                    && ReferenceEquals(stats.Child, local))
                    _children.Remove(local.Path.Name);
                _toDie?.Remove(local);
            }
            if (_toDie is { Count: > 0 } || _suspendReason == SuspendReason.None) return (SuspendReason.None, null);
            var reason = _suspendReason;
            var cause = _recreateCause;
            if (reason != SuspendReason.Termination)
            {
                _suspendReason = SuspendReason.None;
                _recreateCause = null;
            }
            return (reason, cause);
        }
    }

    private bool IsChild(InternalActorRef actor) =>
        actor is LocalActorRef local && FindChildStats(local) is not null;
}
