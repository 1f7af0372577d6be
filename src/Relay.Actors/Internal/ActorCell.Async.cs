using System.Runtime.ExceptionServices;

namespace Relay.Actors.Internal;

internal sealed partial class ActorCell
{
    // The running handler, if any, lives in the extras: most actors never await in a handler.

    /// <summary>
    /// Runs a <c>ReceiveAsync</c> handler. The synchronous part runs now; if the task is still running, the
    /// mailbox takes no user message until it completes (system messages still flow), as in Akka.NET.
    /// A faulted task fails the actor like a throwing handler.
    /// </summary>
    internal void RunTask(Func<Task> handler)
    {
        var message = _currentMessage!;
        var state = new AsyncHandlerState(this, message, _currentSender, _incarnation);
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(state);
        Task task;
        try
        {
            task = handler() ?? Task.CompletedTask;
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        if (task.IsCompleted)
        {
            if (task.IsFaulted || task.IsCanceled) ThrowTaskFailure(task);
            return;
        }
        Extras.AsyncHandler = state;
        _mailbox.SetAwaitingTask();
        task.ContinueWith(static (t, s) => ((AsyncHandlerState)s!).Completed(t), state, CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void RunContinuation(SystemMessage.RunContinuation run)
    {
        var handler = run.Handler;
        if (handler.Incarnation != _incarnation || _actor is null) return;   // the instance was replaced
        var previousMessage = _currentMessage;
        var previousSender = _currentSender;
        _currentMessage = handler.Message;
        _currentSender = handler.Sender;
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(handler);
        try
        {
            run.Callback(run.State);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
            _currentMessage = previousMessage;
            _currentSender = previousSender;
        }
    }

    private void AsyncHandlerCompleted(SystemMessage.AsyncHandlerCompleted completed)
    {
        var handler = completed.Handler;
        // The handler came from this cell's extras, so they exist unless it was abandoned by a restart or stop.
        if (_extras is not { } extras || !ReferenceEquals(handler, extras.AsyncHandler)) return;
        extras.AsyncHandler = null;
        _mailbox.ClearAwaitingTask();
        var task = completed.Task;
        if (task.IsFaulted || task.IsCanceled)
        {
            extras.FailedMessage = handler.Message;
            extras.FailedSender = handler.Sender;
            _currentMessage = handler.Message;
            _currentSender = handler.Sender;
            try
            {
                ThrowTaskFailure(task);
            }
            finally
            {
                _currentMessage = null;
                _currentSender = null;
            }
        }
        ResetReceiveTimeoutIdle();
    }

    /// <summary>A restart or stop abandons a running handler: its continuations are dropped.</summary>
    private void AbandonAsyncHandler()
    {
        if (_extras is not { AsyncHandler: not null } extras) return;
        extras.AsyncHandler = null;
        _mailbox.ClearAwaitingTask();
    }

    private static void ThrowTaskFailure(Task task)
    {
        if (task.IsCanceled) throw new TaskCanceledException(task);
        var exception = task.Exception!;
        ExceptionDispatchInfo.Throw(exception.InnerExceptions.Count == 1 ? exception.InnerException! : exception);
    }
}
