using System.Buffers;

namespace Relay.Nostr.Internal;

/// <summary>
/// A growable list for collecting parse results of unknown count without a <see cref="List{T}"/> per call.
/// Its first array comes from a per-thread cache (one per element type: the parser needs two lists at a
/// time, of different types); growth goes to <see cref="ArrayPool{T}.Shared"/>. The owner calls
/// <see cref="Dispose"/> in a <c>finally</c>; arrays are cleared on return because they hold references.
/// </summary>
internal struct PooledList<T> : IDisposable
{
    /// <summary>First array size: more than any ordinary tag or tag list (a note has a handful of tags).</summary>
    private const int InitialCapacity = 16;

    [ThreadStatic]
    private static T[]? t_cached;

    private T[]? _items;
    private int _count;

    public readonly int Count => _count;

    public void Add(T item)
    {
        if (_items is null)
        {
            _items = t_cached ?? new T[InitialCapacity];
            t_cached = null;
        }
        else if (_count == _items.Length)
        {
            var larger = ArrayPool<T>.Shared.Rent(_items.Length * 2);
            _items.AsSpan().CopyTo(larger);
            Release(_items, _items.Length);
            _items = larger;
        }

        _items[_count++] = item;
    }

    /// <summary>Empties the list and keeps its array for reuse.</summary>
    public void Clear()
    {
        _items.AsSpan(0, _count).Clear();
        _count = 0;
    }

    public readonly ReadOnlySpan<T> AsSpan() => _items is null ? default : _items.AsSpan(0, _count);

    public readonly T[] ToArray() => _count == 0 ? [] : AsSpan().ToArray();

    public void Dispose()
    {
        if (_items is not null)
        {
            Release(_items, _count);
            _items = null;
            _count = 0;
        }
    }

    private static void Release(T[] items, int used)
    {
        if (items.Length == InitialCapacity)
        {
            items.AsSpan(0, used).Clear();
            t_cached = items;
        }
        else
        {
            ArrayPool<T>.Shared.Return(items, clearArray: true);
        }
    }
}
