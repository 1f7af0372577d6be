using Microsoft.Extensions.Logging;

namespace Relay.Actors.Internal;

/// <summary>The kernel's log events (source-generated, stable ids 1–99).</summary>
internal static partial class KernelLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Actor {ActorPath} failed; supervisor directive: {Directive}")]
    public static partial void ChildFailed(ILogger logger, ActorPath actorPath, Directive directive, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Actor {ActorPath} failed; supervisor directive: Resume")]
    public static partial void ChildFailedResumed(ILogger logger, ActorPath actorPath, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Actor {ActorPath}: PreRestart failed; restarting anyway")]
    public static partial void PreRestartFailed(ILogger logger, ActorPath actorPath, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Actor {ActorPath}: PostStop failed")]
    public static partial void PostStopFailed(ILogger logger, ActorPath actorPath, Exception exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "Actor {ActorPath}: Dispose failed")]
    public static partial void DisposeFailed(ILogger logger, ActorPath actorPath, Exception exception);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Actor {ActorPath} failed again while failed or stopping; not propagated")]
    public static partial void FailureWhileFailed(ILogger logger, ActorPath actorPath, Exception exception);

    [LoggerMessage(EventId = 7, Level = LogLevel.Critical, Message = "Actor {ActorPath}: emergency stop, failure handling itself failed")]
    public static partial void EmergencyStop(ILogger logger, ActorPath actorPath, Exception exception);

    [LoggerMessage(EventId = 8, Level = LogLevel.Critical, Message = "Actor {ActorPath}: kernel failure in a mailbox run; stopping the actor")]
    public static partial void KernelFailure(ILogger logger, ActorPath actorPath, Exception exception);

    [LoggerMessage(EventId = 9, Level = LogLevel.Critical, Message = "The user guardian {ActorPath} failed; stopping it terminates the actor system")]
    public static partial void GuardianFailed(ILogger logger, ActorPath actorPath, Exception exception);

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "Top-level actor {ActorPath} failed and the guardian's strategy escalated; stopping the actor")]
    public static partial void EscalatedToGuardian(ILogger logger, ActorPath actorPath, Exception exception);

    [LoggerMessage(EventId = 10, Level = LogLevel.Debug, Message = "Dead letter: {MessageType} from {Sender} to {Recipient}")]
    public static partial void DeadLetter(ILogger logger, string messageType, IActorRef sender, IActorRef recipient);

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Coordinated shutdown of {System} started: {Reason}")]
    public static partial void ShutdownStarted(ILogger logger, string system, CoordinatedShutdown.Reason reason);

    [LoggerMessage(EventId = 21, Level = LogLevel.Debug, Message = "Coordinated shutdown phase {Phase}: {TaskCount} task(s)")]
    public static partial void PhaseStarted(ILogger logger, string phase, int taskCount);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "Coordinated shutdown phase {Phase} timed out after {Timeout}; pending: {Pending}")]
    public static partial void PhaseTimedOut(ILogger logger, string phase, TimeSpan timeout, string pending);

    [LoggerMessage(EventId = 23, Level = LogLevel.Warning, Message = "Coordinated shutdown task {Task} in phase {Phase} failed")]
    public static partial void PhaseTaskFailed(ILogger logger, string task, string phase, Exception exception);

    [LoggerMessage(EventId = 24, Level = LogLevel.Information, Message = "Coordinated shutdown of {System} finished")]
    public static partial void ShutdownFinished(ILogger logger, string system);
}
