namespace Relay.Actors.Internal;

/// <summary>A <see cref="ReceiveActor"/> behaviour: handlers tried in registration order.</summary>
/// <remarks>Built in a constructor or Become, then only read (by the owning actor).</remarks>
internal sealed class ReceiveHandlers
{
    private readonly List<Handler> _handlers = [];
    private bool _hasCatchAll;

    public void Add(Handler handler)
    {
        if (_hasCatchAll)
        {
            throw new InvalidOperationException(
                "A handler that catches all messages has been added. No handler can be added after that.");
        }
        _handlers.Add(handler);
        _hasCatchAll = handler.CatchesAll;
    }

    public bool Handle(object message)
    {
        var handlers = _handlers;
        for (var i = 0; i < handlers.Count; i++)
        {
            if (handlers[i].TryHandle(message)) return true;
        }
        return false;
    }

    internal abstract class Handler
    {
        public virtual bool CatchesAll => false;

        public abstract bool TryHandle(object message);
    }

    internal sealed class Typed<T>(Action<T> handler, Predicate<T>? shouldHandle) : Handler
    {
        public override bool TryHandle(object message)
        {
            if (message is not T typed || (shouldHandle is not null && !shouldHandle(typed))) return false;
            handler(typed);
            return true;
        }
    }

    internal sealed class Conditional<T>(Func<T, bool> handler) : Handler
    {
        public override bool TryHandle(object message) => message is T typed && handler(typed);
    }

    internal sealed class OfType(Type type, Action<object> handler, Predicate<object>? shouldHandle) : Handler
    {
        public override bool CatchesAll => type == typeof(object) && shouldHandle is null;

        public override bool TryHandle(object message)
        {
            if (!type.IsInstanceOfType(message) || (shouldHandle is not null && !shouldHandle(message))) return false;
            handler(message);
            return true;
        }
    }
}
