namespace Relay.Actors.Internal;

/// <summary>
/// A set of references for death watch that holds its first member inline and only allocates a
/// <see cref="HashSet{T}"/> for a second one. An actor usually watches, or is watched by, one or two others
/// (a connection's reader and its writer); an empty HashSet with its arrays costs ~180 bytes, and the relay
/// keeps two such sets per connection.
/// </summary>
/// <remarks>A mutable struct: keep it in a field and call it in place, never copy it. Not thread-safe: used
/// only inside the owning actor's runs. Equality is identity, like <see cref="InternalActorRef"/>'s.</remarks>
internal struct ActorRefSet
{
    private object? _items;    // null, one InternalActorRef, or a HashSet<InternalActorRef>

    public readonly int Count => _items switch
    {
        null => 0,
        HashSet<InternalActorRef> set => set.Count,
        _ => 1,
    };

    public readonly bool Contains(InternalActorRef actor) => _items switch
    {
        null => false,
        HashSet<InternalActorRef> set => set.Contains(actor),
        var single => ReferenceEquals(single, actor),
    };

    /// <summary>Adds a member; false when it was already there.</summary>
    public bool Add(InternalActorRef actor)
    {
        switch (_items)
        {
            case null:
                _items = actor;
                return true;
            case HashSet<InternalActorRef> set:
                return set.Add(actor);
            default:
                var single = (InternalActorRef)_items;
                if (ReferenceEquals(single, actor)) return false;
                _items = new HashSet<InternalActorRef> { single, actor };
                return true;
        }
    }

    /// <summary>Removes a member; false when it was not there.</summary>
    public bool Remove(InternalActorRef actor)
    {
        switch (_items)
        {
            case null:
                return false;
            case HashSet<InternalActorRef> set:
                return set.Remove(actor);
            default:
                if (!ReferenceEquals(_items, actor)) return false;
                _items = null;
                return true;
        }
    }

    public void Clear() => _items = null;

    /// <summary>Empties the set and returns what it held (for a final notification round).</summary>
    public InternalActorRef[] TakeAll()
    {
        var items = _items;
        _items = null;
        return items switch
        {
            null => [],
            HashSet<InternalActorRef> set => [.. set],
            _ => [(InternalActorRef)items],
        };
    }
}
