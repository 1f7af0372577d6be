namespace Relay.Actors.Internal;

/// <summary>
/// A parent's children by name. The first child is held inline; a dictionary is allocated only for a second
/// one. A connection's reader has exactly one child (its writer), for which an empty
/// <see cref="Dictionary{TKey, TValue}"/> with its arrays would cost ~280 bytes per connection.
/// </summary>
/// <remarks>A mutable struct: keep it in a field and call it in place, never copy it. Not thread-safe: the
/// owning cell guards it with its children lock. A child's key is its path name.</remarks>
internal struct ChildTable
{
    private object? _items;    // null, one ChildRestartStats, or a Dictionary<string, ChildRestartStats>

    public readonly int Count => _items switch
    {
        null => 0,
        Dictionary<string, ChildRestartStats> map => map.Count,
        _ => 1,
    };

    public readonly bool TryGetValue(string name, out ChildRestartStats stats)
    {
        switch (_items)
        {
            case Dictionary<string, ChildRestartStats> map:
                return map.TryGetValue(name, out stats!);
            case ChildRestartStats single when string.Equals(single.Child.Path.Name, name, StringComparison.Ordinal):
                stats = single;
                return true;
            default:
                stats = null!;
                return false;
        }
    }

    /// <summary>Adds a child; false (nothing added) when the name is taken.</summary>
    public bool TryAdd(ChildRestartStats stats)
    {
        var name = stats.Child.Path.Name;
        switch (_items)
        {
            case null:
                _items = stats;
                return true;
            case Dictionary<string, ChildRestartStats> map:
                return map.TryAdd(name, stats);
            default:
                var single = (ChildRestartStats)_items;
                if (string.Equals(single.Child.Path.Name, name, StringComparison.Ordinal)) return false;
                _items = new Dictionary<string, ChildRestartStats>(StringComparer.Ordinal)
                {
                    [single.Child.Path.Name] = single,
                    [name] = stats,
                };
                return true;
        }
    }

    /// <summary>Removes the entry for this very child (not a later child that reuses its name).</summary>
    public void Remove(LocalActorRef child)
    {
        if (!TryGetValue(child.Path.Name, out var stats) || !ReferenceEquals(stats.Child, child)) return;
        if (_items is Dictionary<string, ChildRestartStats> map) map.Remove(child.Path.Name);
        else _items = null;
    }

    public readonly LocalActorRef[] Children()
    {
        switch (_items)
        {
            case null:
                return [];
            case Dictionary<string, ChildRestartStats> map:
                var result = new LocalActorRef[map.Count];
                var i = 0;
                foreach (var stats in map.Values) result[i++] = stats.Child;
                return result;
            default:
                return [((ChildRestartStats)_items).Child];
        }
    }

    public readonly List<ChildRestartStats> Stats() => _items switch
    {
        null => [],
        Dictionary<string, ChildRestartStats> map => [.. map.Values],
        _ => [(ChildRestartStats)_items],
    };
}
