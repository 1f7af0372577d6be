using System.Runtime.ExceptionServices;

namespace Relay.Actors.Internal;

internal sealed partial class ActorCell
{
    private const int DefaultState = 0;
    private const int SuspendedState = 1;
    private const int SuspendedWaitForChildrenState = 2;

    // System messages put aside while failed or waiting for children (Akka's sysmsg stash) live in the extras.

    private int CalculateState()
    {
        if (IsWaitingForChildren) return SuspendedWaitForChildrenState;
        if (_mailbox.IsSuspended) return SuspendedState;
        return DefaultState;
    }

    private static bool ShouldStash(SystemMessage message, int state) => state switch
    {
        SuspendedWaitForChildrenState => message.StashWhenWaitingForChildren,
        SuspendedState => message.StashWhenFailed,
        _ => false,
    };

    /// <summary>Processes a batch of system messages in arrival order.</summary>
    internal void SystemInvokeAll(SystemMessage? messages)
    {
        var state = CalculateState();
        while (messages is not null)
        {
            var message = messages;
            messages = message.Next;
            message.Next = null;
            try
            {
                if (ShouldStash(message, state)) (Extras.SystemStash ??= []).Add(message);
                else SystemInvoke(message);
            }
            catch (Exception cause)
            {
                HandleInvokeFailure(cause, (message as SystemMessage.Failed)?.Child);
            }

            var next = CalculateState();
            // Each state accepts a subset of the messages of the state below it, so unstash when walking down.
            if (next < state && _extras?.SystemStash is { Count: > 0 }) messages = PrependStash(messages);
            state = next;

            if (_terminated)
            {
                for (; messages is not null; messages = messages.Next)
                    ActorSystem.DeadLetterSystemMessage(_self, messages);
                return;
            }
        }
    }

    private SystemMessage? PrependStash(SystemMessage? rest)
    {
        var stash = _extras!.SystemStash!;
        for (var i = stash.Count - 1; i >= 0; i--)
        {
            stash[i].Next = rest;
            rest = stash[i];
        }
        stash.Clear();
        return rest;
    }

    private void SystemInvoke(SystemMessage message)
    {
        switch (message)
        {
            case SystemMessage.RunContinuation run:
                RunContinuation(run);
                break;
            case SystemMessage.AsyncHandlerCompleted completed:
                AsyncHandlerCompleted(completed);
                break;
            case SystemMessage.Failed failed:
                HandleFailed(failed);
                break;
            case SystemMessage.DeathWatchNotification notification:
                WatchedActorTerminated(notification.Actor, notification.ExistenceConfirmed);
                break;
            case SystemMessage.Create:
                Create();
                break;
            case SystemMessage.Watch watch:
                AddWatcher(watch.Watchee, watch.Watcher);
                break;
            case SystemMessage.Unwatch unwatch:
                RemoveWatcher(unwatch.Watchee, unwatch.Watcher);
                break;
            case SystemMessage.Recreate recreate:
                FaultRecreate(recreate.Cause);
                break;
            case SystemMessage.Suspend:
                FaultSuspend();
                break;
            case SystemMessage.Resume resume:
                FaultResume(resume.CausedByFailure);
                break;
            case SystemMessage.Terminate:
                Terminate();
                break;
            case SystemMessage.MailboxOverflowed overflowed:
                _mailbox.OverflowFailureHandled();
                throw new MailboxOverflowException(
                    $"Mailbox of {_self.Path} overflowed its capacity of {overflowed.Capacity} messages");
            default:
                ThrowHelper.ThrowUnknownSystemMessage(message);
                break;
        }
    }

    /// <summary>Creates the first instance and runs PreStart; failures become ActorInitializationException.</summary>
    private void Create()
    {
        try
        {
            var created = NewActor();
            _actor = created;
            created.AroundPreStart();
        }
        catch (Exception e)
        {
            if (_actor is not null)
            {
                ClearActor(_actor);
                _actor = null;
            }
            if (e is ActorInitializationException) ExceptionDispatchInfo.Throw(e);
            throw new ActorInitializationException(_self, "Exception during creation", e);
        }
    }
}
