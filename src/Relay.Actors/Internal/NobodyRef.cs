namespace Relay.Actors.Internal;

/// <summary>The kernel-side face of <see cref="Nobody"/>, so it can be watched like any reference: it is
/// dead, so a watcher gets <see cref="Terminated"/> (existence not confirmed) at once.</summary>
internal sealed class NobodyRef : InternalActorRef
{
    private NobodyRef()
    {
    }

    public static NobodyRef Instance { get; } = new();

    public override ActorPath Path => Nobody.NobodyPath;

    internal override IActorRef PublicRef => Nobody.Instance;

    public override void Tell(object message, IActorRef? sender)
    {
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is SystemMessage.Watch watch)
            watch.Watcher.SendSystemMessage(new SystemMessage.DeathWatchNotification(this, existenceConfirmed: false));
    }
}
