namespace Relay.Actors.Internal;

/// <summary>
/// The user guardian (<c>/user</c>), parent of every top-level actor. It applies the configured strategy
/// to them (Akka.NET's default: restart on failure, stop on initialization failure) and never fails itself,
/// so an actor failure cannot bring the system — or the process — down.
/// </summary>
internal sealed class GuardianActor(SupervisorStrategy strategy) : ActorBase
{
    protected override bool Receive(object message) => true;

    protected override SupervisorStrategy SupervisorStrategy() => strategy;

    /// <summary>Nothing reaches the guardian through its behaviour; never fail on what does.</summary>
    protected override void Unhandled(object message)
    {
    }
}
