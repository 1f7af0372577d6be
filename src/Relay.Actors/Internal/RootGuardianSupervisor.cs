namespace Relay.Actors.Internal;

/// <summary>
/// The supervisor of the user guardian: not an actor, just the end of the chain. A guardian failure (a
/// kernel bug) is logged and stops the guardian; the guardian's death completes the system's termination.
/// </summary>
internal sealed class RootGuardianSupervisor(ActorSystem system, ActorPath path) : InternalActorRef
{
    public override ActorPath Path { get; } = path;

    public override void Tell(object message, IActorRef? sender) => system.DeadLetters.Tell(message, sender);

    public override void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case SystemMessage.Failed failed:
                KernelLog.GuardianFailed(system.Log, failed.Child.Path, failed.Cause);
                failed.Child.Stop();
                break;
            case SystemMessage.DeathWatchNotification notification:
                system.OnGuardianTerminated(notification.Actor);
                break;
            default:
                break;
        }
    }
}
