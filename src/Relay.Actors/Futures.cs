using Relay.Actors.Internal;

namespace Relay.Actors;

/// <summary>
/// The ask pattern (Akka.NET's <c>Futures</c>): send a message with a temporary reference as sender and
/// get the first reply as a task. A <see cref="Status.Failure"/> reply faults the task with its cause; no
/// reply within the timeout faults it with <see cref="AskTimeoutException"/>; a reply of the wrong type
/// faults it with <see cref="ArgumentException"/>. Without a timeout the system's
/// <see cref="ActorSystemSettings.AskTimeout"/> applies (infinite by default, as in Akka.NET).
/// </summary>
public static class Futures
{
    /// <summary>Asks and returns the reply.</summary>
    /// <param name="self">The recipient.</param>
    /// <param name="message">The message.</param>
    /// <param name="timeout">How long to wait.</param>
    public static Task<object> Ask(this ICanTell self, object message, TimeSpan? timeout = null) =>
        self.Ask<object>(message, timeout, CancellationToken.None);

    /// <summary>Asks and returns the reply.</summary>
    /// <param name="self">The recipient.</param>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public static Task<object> Ask(this ICanTell self, object message, CancellationToken cancellationToken) =>
        self.Ask<object>(message, null, cancellationToken);

    /// <summary>Asks and returns the reply.</summary>
    /// <param name="self">The recipient.</param>
    /// <param name="message">The message.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public static Task<object> Ask(this ICanTell self, object message, TimeSpan? timeout, CancellationToken cancellationToken) =>
        self.Ask<object>(message, timeout, cancellationToken);

    /// <summary>Asks and returns the reply as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The expected reply type.</typeparam>
    /// <param name="self">The recipient.</param>
    /// <param name="message">The message.</param>
    /// <param name="timeout">How long to wait.</param>
    public static Task<T> Ask<T>(this ICanTell self, object message, TimeSpan? timeout = null) =>
        self.Ask<T>(message, timeout, CancellationToken.None);

    /// <summary>Asks and returns the reply as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The expected reply type.</typeparam>
    /// <param name="self">The recipient.</param>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public static Task<T> Ask<T>(this ICanTell self, object message, CancellationToken cancellationToken) =>
        self.Ask<T>(message, null, cancellationToken);

    /// <summary>Asks and returns the reply as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The expected reply type.</typeparam>
    /// <param name="self">The recipient.</param>
    /// <param name="message">The message.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public static Task<T> Ask<T>(this ICanTell self, object message, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return self.Ask<T>(_ => message, timeout, cancellationToken);
    }

    /// <summary>Asks with a message built around the temporary reply-to reference.</summary>
    /// <typeparam name="T">The expected reply type.</typeparam>
    /// <param name="self">The recipient.</param>
    /// <param name="messageFactory">Builds the message from the reply-to reference.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public static Task<T> Ask<T>(this ICanTell self, Func<IActorRef, object> messageFactory, TimeSpan? timeout,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(messageFactory);
        var system = ResolveSystem(self)
            ?? throw new ArgumentException("Unable to resolve the target Provider", nameof(self));
        var promise = new PromiseActorRef<T>(system, system.NewTempPath());
        var message = messageFactory(promise);
        promise.Start(timeout ?? system.Settings.AskTimeout, self as IActorRef ?? promise, message, cancellationToken);
        self.Tell(message, promise);
        return promise.Task;
    }

    private static ActorSystem? ResolveSystem(ICanTell target) => target switch
    {
        LocalActorRef local => local.Cell.System,
        IActorRef actor when ActorRefs.Unwrap(actor) is LocalActorRef local => local.Cell.System,
        _ => ActorCell.Current?.System,
    };
}
