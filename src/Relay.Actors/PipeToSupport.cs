namespace Relay.Actors;

/// <summary>
/// Sends a task's outcome to an actor when it completes (Akka.NET's <c>PipeTo</c>): the result (or
/// <c>success(result)</c>), else <see cref="Status.Failure"/> with the exception (or <c>failure(exception)</c>).
/// The way to bring asynchronous work back into an actor without awaiting in a handler.
/// </summary>
public static class PipeToSupport
{
    /// <summary>Pipes the task's result or failure to <paramref name="recipient"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="taskToPipe">The task.</param>
    /// <param name="recipient">Who gets the outcome.</param>
    /// <param name="sender">The sender the recipient sees (none by default).</param>
    /// <param name="success">Maps the result to the message to send.</param>
    /// <param name="failure">Maps the exception to the message to send.</param>
    /// <returns>A task that completes once the message was sent.</returns>
    public static Task PipeTo<T>(this Task<T> taskToPipe, ICanTell recipient, IActorRef? sender = null,
        Func<T, object>? success = null, Func<Exception, object>? failure = null) =>
        PipeTo(taskToPipe, recipient, useConfigureAwait: false, sender, success, failure);

    /// <summary>Pipes the task's result or failure to <paramref name="recipient"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="taskToPipe">The task.</param>
    /// <param name="recipient">Who gets the outcome.</param>
    /// <param name="useConfigureAwait">Whether to resume on the captured context (Akka.NET's flag).</param>
    /// <param name="sender">The sender the recipient sees (none by default).</param>
    /// <param name="success">Maps the result to the message to send.</param>
    /// <param name="failure">Maps the exception to the message to send.</param>
    /// <returns>A task that completes once the message was sent.</returns>
    public static async Task PipeTo<T>(this Task<T> taskToPipe, ICanTell recipient, bool useConfigureAwait,
        IActorRef? sender = null, Func<T, object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(taskToPipe);
        ArgumentNullException.ThrowIfNull(recipient);
        object? message;
        try
        {
            var result = await taskToPipe.ConfigureAwait(useConfigureAwait);
            message = success is null ? result : success(result);
        }
        catch (Exception e)
        {
            message = failure is null ? new Status.Failure(e) : failure(e);
        }
        // A null result has no message to carry (Tell rejects null); nothing is sent, as in Akka.NET.
        if (message is not null) recipient.Tell(message, sender);
    }

    /// <summary>Pipes the task's completion (<paramref name="success"/>'s message) or failure.</summary>
    /// <param name="taskToPipe">The task.</param>
    /// <param name="recipient">Who gets the outcome.</param>
    /// <param name="sender">The sender the recipient sees (none by default).</param>
    /// <param name="success">The message to send on success; nothing is sent when null.</param>
    /// <param name="failure">Maps the exception to the message to send.</param>
    /// <returns>A task that completes once the message was sent.</returns>
    public static Task PipeTo(this Task taskToPipe, ICanTell recipient, IActorRef? sender = null,
        Func<object>? success = null, Func<Exception, object>? failure = null) =>
        PipeTo(taskToPipe, recipient, useConfigureAwait: false, sender, success, failure);

    /// <summary>Pipes the task's completion (<paramref name="success"/>'s message) or failure.</summary>
    /// <param name="taskToPipe">The task.</param>
    /// <param name="recipient">Who gets the outcome.</param>
    /// <param name="useConfigureAwait">Whether to resume on the captured context.</param>
    /// <param name="sender">The sender the recipient sees (none by default).</param>
    /// <param name="success">The message to send on success; nothing is sent when null.</param>
    /// <param name="failure">Maps the exception to the message to send.</param>
    /// <returns>A task that completes once the message was sent.</returns>
    public static async Task PipeTo(this Task taskToPipe, ICanTell recipient, bool useConfigureAwait,
        IActorRef? sender = null, Func<object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(taskToPipe);
        ArgumentNullException.ThrowIfNull(recipient);
        object? message;
        try
        {
            await taskToPipe.ConfigureAwait(useConfigureAwait);
            message = success?.Invoke();
        }
        catch (Exception e)
        {
            message = failure is null ? new Status.Failure(e) : failure(e);
        }
        if (message is not null) recipient.Tell(message, sender);
    }
}
