using System.Runtime.ExceptionServices;

namespace Relay.Actors.Internal;

internal sealed partial class ActorCell
{
    // The failure state (perpetrator, failed message and sender) lives in the extras: most actors never fail.

    /// <summary>Failed, or terminating: either way a new failure is not reported to the parent (shutdown
    /// failures are not propagated). A terminated actor counts without a perpetrator, so that stopping an
    /// ordinary actor does not create its extras just to mark it.</summary>
    private bool IsFailed => _extras?.Perpetrator is not null || _terminated;

    /// <summary>
    /// An exception escaped a handler or a system message: suspend this actor and its children and ask the
    /// parent what to do (Akka's handleInvokeFailure).
    /// </summary>
    private void HandleInvokeFailure(Exception cause, InternalActorRef? failedChild = null,
        IReadOnlyCollection<IActorRef>? childrenNotToSuspend = null)
    {
        if (IsFailed)
        {
            // Already failed or terminating: the parent is deciding (or does not care); keep a trace.
            KernelLog.FailureWhileFailed(_system.Log, _self.Path, cause);
            return;
        }
        try
        {
            _mailbox.Suspend();
            Extras.Perpetrator = failedChild ?? _self;
            SuspendChildren(failedChild, childrenNotToSuspend);
            _parent.SendSystemMessage(new SystemMessage.Failed(_self, cause, _self.Path.Uid));
        }
        catch (Exception e)
        {
            KernelLog.EmergencyStop(_system.Log, _self.Path, e);
            try
            {
                StopChildren();
            }
            finally
            {
                FinishTerminate();
            }
        }
    }

    private void FaultSuspend()
    {
        _mailbox.Suspend();
        SuspendChildren(null, null);
    }

    private void FaultResume(Exception? causedByFailure)
    {
        if (_actor is null)
        {
            // Resume after a failed creation cannot resume anything: create again (Akka does the same).
            FaultCreate();
            return;
        }
        var perpetrator = _extras?.Perpetrator;
        try
        {
            _mailbox.Resume();
        }
        finally
        {
            if (causedByFailure is not null) ClearFailed();
        }
        ResumeChildren(causedByFailure, perpetrator);
    }

    private void ClearFailed()
    {
        if (_extras is not { } extras) return;
        extras.Perpetrator = null;
        extras.FailedMessage = null;
        extras.FailedSender = null;
    }

    /// <summary>Restart: PreRestart on the old instance, wait for the children it stopped, then a new one.</summary>
    private void FaultRecreate(Exception cause)
    {
        if (_actor is null)
        {
            FaultCreate();
            return;
        }
        if (!IsNormal)
        {
            // Terminating: keep the suspend count balanced and let termination finish.
            FaultResume(null);
            return;
        }
        var failedActor = _actor;
        // A survivor restarted with its parent has not failed itself, and may have no extras.
        var failedMessage = _extras?.FailedMessage;
        // PreRestart runs in the context of the failed message: Sender is its sender (Akka.NET).
        _currentMessage = failedMessage;
        _currentSender = _extras?.FailedSender;
        try
        {
            failedActor.AroundPreRestart(cause, failedMessage!);
        }
        catch (Exception e)
        {
            // Best effort, as in Akka: a failing PreRestart is logged and the restart goes on.
            KernelLog.PreRestartFailed(_system.Log, _self.Path,
                new PreRestartException(_self, e, cause, failedMessage));
        }
        finally
        {
            _currentMessage = null;
            _currentSender = null;
            // Stashed messages go back to the front of the mailbox, in their order (Akka's stash plugin).
            if (_extras is { } extras)
            {
                extras.Stash?.UnstashAllForRestart();
                extras.Stash = null;
            }
            ClearActor(failedActor);
            AbandonAsyncHandler();
        }
        if (!SetChildrenTerminationReason(SuspendReason.Recreation, cause)) FinishRecreate(cause);
    }

    private void FinishRecreate(Exception cause)
    {
        var survivors = ChildrenSnapshot();
        try
        {
            try
            {
                _mailbox.Resume();
            }
            finally
            {
                ClearFailed();
            }
            _actor = null;
            var fresh = NewActor();
            _actor = fresh;
            fresh.AroundPostRestart(cause, null!);
            ResetReceiveTimeoutIdle();
            // Children the old instance kept are restarted too, once the parent runs again.
            foreach (var child in survivors) child.Restart(cause);
        }
        catch (Exception e)
        {
            HandleInvokeFailure(new PostRestartException(_self, e, cause), null, survivors);
        }
    }

    /// <summary>Creation failed and the parent said Restart (or Resume): try creating again.</summary>
    private void FaultCreate()
    {
        SetReceiveTimeout(null);
        StopChildren();
        if (!SetChildrenTerminationReason(SuspendReason.Creation, null)) FinishCreate();
    }

    private void FinishCreate()
    {
        try
        {
            _mailbox.Resume();
        }
        finally
        {
            ClearFailed();
        }
        try
        {
            Create();
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e);
        }
    }

    /// <summary>Stop: children first; PostStop once they are all gone.</summary>
    private void Terminate()
    {
        SetReceiveTimeout(null);
        UnwatchWatchedActors();
        StopChildren();
        var wasTerminating = IsTerminating;
        if (SetChildrenTerminationReason(SuspendReason.Termination, null))
        {
            if (!wasTerminating)
            {
                // No user messages while waiting for the children, and no failure reports upwards.
                _mailbox.Suspend();
                Extras.Perpetrator ??= _self;
            }
        }
        else
        {
            FinishTerminate();
        }
    }

    private void FinishTerminate()
    {
        if (_terminated) return;
        var actor = _actor;
        try
        {
            actor?.AroundPostStop();
        }
        catch (Exception e)
        {
            KernelLog.PostStopFailed(_system.Log, _self.Path, e);
        }
        finally
        {
            _terminated = true;    // IsFailed from now on: no failure is reported upwards any more
            SetReceiveTimeout(null);
            var extras = _extras;
            extras?.Stash?.SendAllToDeadLetters();
            extras?.Stash = null;
            ClearActor(actor);
            AbandonAsyncHandler();
            _mailbox.Close();
            TypeStats.Remove(_mailbox);
            // Before anyone hears of the death, so nothing published afterwards is sent to it.
            if (Volatile.Read(ref _extras) is { SubscribedToEventStream: true }) _system.EventStream.Unsubscribe(_self);
            // The order matters: a parent that also watches gets one notification covering both.
            _parent.SendSystemMessage(new SystemMessage.DeathWatchNotification(_self, existenceConfirmed: true));
            TellWatchersWeDied();
            UnwatchWatchedActors();
            _actor = null;
            _extras?.SystemStash = null;
        }
    }

    /// <summary>The parent side: a child failed; apply the strategy.</summary>
    private void HandleFailed(SystemMessage.Failed failed)
    {
        var stats = FindChildStats(failed.Child);
        // Only a current child counts: the uid ignores a Failed from an incarnation already replaced.
        if (stats is null || stats.Child.Path.Uid != failed.Uid) return;
        var strategy = ChildStrategy;
        var directive = strategy.Decider(failed.Cause);
        if (directive == Directive.Escalate && _parent is RootGuardianSupervisor)
        {
            // Nothing above the user guardian may fail: a top-level failure escalated to it stops that actor.
            KernelLog.EscalatedToGuardian(_system.Log, stats.Child.Path, failed.Cause);
            directive = Directive.Stop;
        }
        else if (strategy.LoggingEnabled)
        {
            LogFailure(stats.Child, failed.Cause, directive);
        }
        switch (directive)
        {
            case Directive.Resume:
                stats.Child.Resume(failed.Cause);
                break;
            case Directive.Restart:
                strategy.ProcessFailure(this, true, failed.Cause, stats, ChildrenStatsSnapshot());
                break;
            case Directive.Stop:
                strategy.ProcessFailure(this, false, failed.Cause, stats, ChildrenStatsSnapshot());
                break;
            default:
                // Escalate: fail this actor with the child's exception; the child stays suspended.
                ExceptionDispatchInfo.Throw(failed.Cause);
                break;
        }
    }

    private void LogFailure(LocalActorRef child, Exception cause, Directive directive)
    {
        var path = child.Path;
        switch (directive)
        {
            case Directive.Resume:
                KernelLog.ChildFailedResumed(_system.Log, path, cause);
                break;
            case Directive.Restart:
            case Directive.Stop:
                KernelLog.ChildFailed(_system.Log, path, directive, cause);
                break;
            default:
                // Escalated failures are logged by whoever finally handles them.
                break;
        }
    }

    private void HandleChildTerminated(InternalActorRef child)
    {
        var (reason, cause) = RemoveChildAndGetStateChange(child);
        switch (reason)
        {
            case SuspendReason.Recreation:
                FinishRecreate(cause!);
                break;
            case SuspendReason.Creation:
                FinishCreate();
                break;
            case SuspendReason.Termination:
                FinishTerminate();
                break;
            default:
                break;
        }
    }
}
