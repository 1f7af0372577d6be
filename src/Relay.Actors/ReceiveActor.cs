using Relay.Actors.Internal;

namespace Relay.Actors;

/// <summary>
/// An actor whose behaviour is a list of typed handlers registered in its constructor (or in
/// <see cref="Become(Action)"/>): the first handler whose type and predicate match handles the message;
/// if none does, <see cref="ActorBase.Unhandled"/> is called.
/// </summary>
public abstract class ReceiveActor : UntypedActor
{
    private ReceiveHandlers? _building = new();
    private ReceiveHandlers? _initial;

    /// <inheritdoc/>
    protected sealed override void OnReceive(object message)
    {
        if (_initial is null || !_initial.Handle(message)) Unhandled(message);
    }

    internal override void OnConstructed()
    {
        _initial = _building ?? new ReceiveHandlers();
        _building = null;
    }

    /// <summary>Replaces the behaviour with the handlers <paramref name="configure"/> registers.</summary>
    /// <param name="configure">Calls <c>Receive</c> methods.</param>
    protected void Become(Action configure) => Become(Build(configure).Handle);

    /// <summary>Pushes the handlers <paramref name="configure"/> registers on the behaviour stack.</summary>
    /// <param name="configure">Calls <c>Receive</c> methods.</param>
    protected void BecomeStacked(Action configure) => BecomeStacked(Build(configure).Handle);

    /// <summary>Handles messages of type <typeparamref name="T"/> (matching <paramref name="shouldHandle"/>).</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="handler">The handler.</param>
    /// <param name="shouldHandle">Optional filter.</param>
    protected void Receive<T>(Action<T> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(new ReceiveHandlers.Typed<T>(handler, shouldHandle));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> matching <paramref name="shouldHandle"/>.</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="shouldHandle">The filter.</param>
    /// <param name="handler">The handler.</param>
    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(new ReceiveHandlers.Typed<T>(handler, shouldHandle));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/>; returning <see langword="false"/> passes the
    /// message on to the next handlers.</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="handler">The handler.</param>
    protected void Receive<T>(Func<T, bool> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(new ReceiveHandlers.Conditional<T>(handler));
    }

    /// <summary>Handles messages assignable to <paramref name="messageType"/>.</summary>
    /// <param name="messageType">The message type.</param>
    /// <param name="handler">The handler.</param>
    /// <param name="shouldHandle">Optional filter.</param>
    protected void Receive(Type messageType, Action<object> handler, Predicate<object>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(messageType);
        ArgumentNullException.ThrowIfNull(handler);
        Add(new ReceiveHandlers.OfType(messageType, handler, shouldHandle));
    }

    /// <summary>Handles every message not handled by earlier handlers; no handler may follow it.</summary>
    /// <param name="handler">The handler.</param>
    protected void ReceiveAny(Action<object> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(new ReceiveHandlers.OfType(typeof(object), handler, null));
    }

    /// <summary>
    /// Handles messages of type <typeparamref name="T"/> asynchronously: the actor takes no other message
    /// until the task completes (continuations run in the actor's context); a faulted task fails the actor.
    /// </summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="handler">The handler.</param>
    /// <param name="shouldHandle">Optional filter.</param>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(new ReceiveHandlers.Typed<T>(m => Cell.RunTask(() => handler(m)), shouldHandle));
    }

    /// <summary>Like <see cref="ReceiveAsync{T}(Func{T, Task}, Predicate{T})"/> with the filter first.</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="shouldHandle">The filter.</param>
    /// <param name="handler">The handler.</param>
    protected void ReceiveAsync<T>(Predicate<T> shouldHandle, Func<T, Task> handler) =>
        ReceiveAsync(handler, shouldHandle);

    /// <summary>Handles every remaining message asynchronously (see <see cref="ReceiveAsync{T}(Func{T, Task}, Predicate{T})"/>).</summary>
    /// <param name="handler">The handler.</param>
    protected void ReceiveAnyAsync(Func<object, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(new ReceiveHandlers.OfType(typeof(object), m => Cell.RunTask(() => handler(m)), null));
    }

    private ReceiveHandlers Build(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var previous = _building;
        var handlers = new ReceiveHandlers();
        _building = handlers;
        try
        {
            configure();
        }
        finally
        {
            _building = previous;
        }
        return handlers;
    }

    private void Add(ReceiveHandlers.Handler handler)
    {
        if (_building is null)
        {
            throw new InvalidOperationException(
                "You may only call Receive-methods when constructing the actor and inside Become().");
        }
        _building.Add(handler);
    }
}
