namespace Relay.Actors.Internal;

/// <summary>
/// The synchronization context of one running <c>ReceiveAsync</c> handler. Every <c>await</c> inside the
/// handler posts its continuation here; the continuation becomes a system message, so it runs on the
/// actor's own run with <c>Context</c>, <c>Self</c> and <c>Sender</c> as they were for the message —
/// Akka.NET's ActorTaskScheduler behaviour, without a custom TaskScheduler.
/// </summary>
/// <remarks>Post may be called from any thread.</remarks>
internal sealed class AsyncHandlerState : SynchronizationContext
{
    public AsyncHandlerState(ActorCell cell, object message, IActorRef? sender, int incarnation)
    {
        Cell = cell;
        Message = message;
        Sender = sender;
        Incarnation = incarnation;
    }

    public ActorCell Cell { get; }

    public object Message { get; }

    public IActorRef? Sender { get; }

    /// <summary>The instance that started the handler; continuations of a replaced instance are dropped.</summary>
    public int Incarnation { get; }

    public override void Post(SendOrPostCallback d, object? state) =>
        Cell.SelfRef.SendSystemMessage(new SystemMessage.RunContinuation(d, state, this));

    /// <summary>Synchronous sends cannot be honoured without blocking the caller on the actor; they are
    /// posted instead (nothing in the BCL's await machinery uses Send).</summary>
    public override void Send(SendOrPostCallback d, object? state) => Post(d, state);

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Continuation of the handler task: tells the actor it finished.</summary>
    public void Completed(Task task) =>
        Cell.SelfRef.SendSystemMessage(new SystemMessage.AsyncHandlerCompleted(task, this));
}
