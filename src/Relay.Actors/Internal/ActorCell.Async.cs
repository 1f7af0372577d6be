using System.Runtime.ExceptionServices;

namespace Relay.Actors.Internal;

internal sealed partial class ActorCell
{
    private AsyncHandlerState? _asyncHandler;

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
        _asyncHandler = state;
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
        if (!ReferenceEquals(handler, _asyncHandler)) return;   // abandoned by a restart or stop
        _asyncHandler = null;
        _mailbox.ClearAwaitingTask();
        var task = completed.Task;
        if (task.IsFaulted || task.IsCanceled)
        {
            _failedMessage = handler.Message;
            _failedSender = handler.Sender;
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
        if (_receiveTimeout is not null) _lastActivity = _system.TimeProvider.GetTimestamp();
    }

    /// <summary>A restart or stop abandons a running handler: its continuations are dropped.</summary>
    private void AbandonAsyncHandler()
    {
        if (_asyncHandler is null) return;
        _asyncHandler = null;
        _mailbox.ClearAwaitingTask();
    }

    private static void ThrowTaskFailure(Task task)
    {
        if (task.IsCanceled) throw new TaskCanceledException(task);
        var exception = task.Exception!;
        ExceptionDispatchInfo.Throw(exception.InnerExceptions.Count == 1 ? exception.InnerException! : exception);
    }
}
