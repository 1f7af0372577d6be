namespace Relay.Actors.Internal;

internal sealed partial class ActorCell
{
    private ActorRefSet _watching;          // actors this one watches
    private ActorRefSet _watchedBy;         // actors watching this one
    // The Terminated messages enqueued but not yet received, and the event-stream flag, live in the extras.

    /// <summary>Set when this actor subscribes to the event stream, so that it is unsubscribed at stop.</summary>
    /// <remarks>May run on any thread (whoever calls <c>EventStream.Subscribe</c>).</remarks>
    internal void MarkSubscribedToEventStream() => Extras.SubscribedToEventStream = true;

    public IActorRef Watch(IActorRef subject)
    {
        var target = ActorRefs.Unwrap(subject) ?? ThrowHelper.ThrowCannotWatch(subject);
        if (!ReferenceEquals(target, _self) && _watching.Add(target))
            target.SendSystemMessage(new SystemMessage.Watch(target, _self));
        return subject;
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        var target = ActorRefs.Unwrap(subject) ?? ThrowHelper.ThrowCannotWatch(subject);
        if (!ReferenceEquals(target, _self) && _watching.Remove(target))
            target.SendSystemMessage(new SystemMessage.Unwatch(target, _self));
        // A Terminated already in the mailbox is dropped when it comes out: none after Unwatch.
        _extras?.TerminatedQueued.Remove(target);
        return subject;
    }

    /// <summary>Re-arms delivery of a Terminated that was stashed (it is received again after Unstash).</summary>
    internal void TerminatedQueuedFor(IActorRef subject)
    {
        if (ActorRefs.Unwrap(subject) is { } target) Extras.TerminatedQueued.Add(target);
    }

    private void ReceivedTerminated(Terminated terminated)
    {
        var target = ActorRefs.Unwrap(terminated.ActorRef);
        // Without extras nothing was queued: a Terminated nobody is waiting for is dropped.
        if (target is null || _extras is not { } extras || !extras.TerminatedQueued.Remove(target)) return;
        ReceiveMessage(terminated);
    }

    private void WatchedActorTerminated(InternalActorRef actor, bool existenceConfirmed)
    {
        if (_watching.Remove(actor) && !IsTerminating)
        {
            Extras.TerminatedQueued.Add(actor);
            // Through the user queue, in order after what the dead actor sent before dying; past the
            // capacity of a bounded mailbox, because exactly one Terminated is promised.
            _self.PostKernelMessage(new Terminated(actor.PublicRef, existenceConfirmed, addressTerminated: false), actor.PublicRef);
        }
        if (IsChild(actor)) HandleChildTerminated(actor);
    }

    private void AddWatcher(InternalActorRef watchee, InternalActorRef watcher)
    {
        var watcheeSelf = ReferenceEquals(watchee, _self);
        var watcherSelf = ReferenceEquals(watcher, _self);
        if (watcheeSelf && !watcherSelf) _watchedBy.Add(watcher);
        else if (!watcheeSelf && watcherSelf) Watch(watchee);
    }

    private void RemoveWatcher(InternalActorRef watchee, InternalActorRef watcher)
    {
        var watcheeSelf = ReferenceEquals(watchee, _self);
        var watcherSelf = ReferenceEquals(watcher, _self);
        if (watcheeSelf && !watcherSelf) _watchedBy.Remove(watcher);
        else if (!watcheeSelf && watcherSelf) Unwatch(watchee);
    }

    private void TellWatchersWeDied()
    {
        if (_watchedBy.Count == 0) return;
        foreach (var watcher in _watchedBy.TakeAll())
        {
            // The parent already got its notification from FinishTerminate.
            if (!ReferenceEquals(watcher, _parent))
                watcher.SendSystemMessage(new SystemMessage.DeathWatchNotification(_self, existenceConfirmed: true));
        }
    }

    private void UnwatchWatchedActors()
    {
        if (_watching.Count != 0)
        {
            foreach (var watchee in _watching.TakeAll())
                watchee.SendSystemMessage(new SystemMessage.Unwatch(watchee, _self));
        }
        _extras?.TerminatedQueued.Clear();
    }
}
