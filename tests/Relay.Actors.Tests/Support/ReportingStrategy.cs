namespace Relay.Actors.Tests.Support;

/// <summary>Strategies that tell a probe which exception they saw before deciding.</summary>
public static class ReportingStrategy
{
    public sealed record Decided(Type ExceptionType, string Message);

    public static OneForOneStrategy OneForOne(IActorRef probe, Directive directive, int maxNrOfRetries = -1) =>
        new(maxNrOfRetries, -1, e =>
        {
            probe.Tell(new Decided(e.GetType(), e.Message), ActorRefs.NoSender);
            return directive;
        });

    public static OneForOneStrategy Default(IActorRef probe) =>
        new(e =>
        {
            probe.Tell(new Decided(e.GetType(), e.Message), ActorRefs.NoSender);
            return SupervisorStrategy.DefaultDecider(e);
        });
}
