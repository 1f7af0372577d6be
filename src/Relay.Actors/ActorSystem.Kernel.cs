using Relay.Actors.Internal;

namespace Relay.Actors;

public sealed partial class ActorSystem
{
    internal long NextUid() => Interlocked.Increment(ref _uid);

    internal ActorPath NewTempPath() =>
        _tempPath.Child(ActorNames.Anonymous(Interlocked.Increment(ref _tempCounter) - 1), NextUid());

    internal static bool IsPinnedDispatcher(string dispatcher) => dispatcher switch
    {
        Dispatchers.DefaultDispatcherId => false,
        Dispatchers.PinnedDispatcherId or Dispatchers.DefaultBlockingDispatcherId => true,
        _ => throw new ConfigurationException($"Dispatcher [{dispatcher}] not configured"),
    };

    internal MailboxType ResolveMailbox(Props props) =>
        props.MailboxType ?? (_mailboxes.TryGetValue(props.Mailbox, out var type)
            ? type
            : throw new ConfigurationException($"Mailbox [{props.Mailbox}] not configured"));

    /// <summary>Publishes a message that reached no actor (and counts it). An <see cref="Identify"/> is
    /// answered instead, with no subject: that is how Akka tells "nobody lives here".</summary>
    internal void PublishDeadLetter(object message, IActorRef? sender, IActorRef recipient)
    {
        if (message is Identify identify && sender is not null)
        {
            sender.Tell(new ActorIdentity(identify.MessageId, null), _deadLetters);
            return;
        }
        PublishDeadLetter(new DeadLetter(message, sender ?? _deadLetters, recipient));
    }

    internal void PublishDeadLetter(DeadLetter deadLetter)
    {
        Metrics.DeadLetter();
        KernelLog.DeadLetter(Log, deadLetter.Message.GetType().Name, deadLetter.Sender, deadLetter.Recipient);
        EventStream.Publish(deadLetter);
    }

    /// <summary>
    /// A system message for an actor that is gone. Only Watch needs an answer: the watcher gets its
    /// Terminated at once (existence not confirmed), so "exactly one Terminated" holds for dead actors too.
    /// </summary>
    internal static void DeadLetterSystemMessage(InternalActorRef recipient, SystemMessage message)
    {
        if (message is SystemMessage.Watch watch && ReferenceEquals(watch.Watchee, recipient)
            && !ReferenceEquals(watch.Watcher, recipient))
        {
            watch.Watcher.SendSystemMessage(new SystemMessage.DeathWatchNotification(recipient, existenceConfirmed: false));
        }
    }

    /// <summary>The final step of termination: stop the guardian (children first), once.</summary>
    internal Task FinalTerminate()
    {
        if (Interlocked.Exchange(ref _terminating, 1) == 0) _guardian.SelfRef.Stop();
        return WhenTerminated;
    }

    internal void OnGuardianTerminated(InternalActorRef guardian)
    {
        if (!ReferenceEquals(guardian, _guardian.SelfRef)) return;
        Interlocked.Exchange(ref _terminating, 1);
        Metrics.Dispose();
        _whenTerminated.TrySetResult();
    }
}
