using System.Buffers;

namespace Relay.Nostr.Internal;

/// <summary>
/// A growable list over arrays rented from <see cref="ArrayPool{T}.Shared"/>, for collecting parse
/// results of unknown count without a <see cref="List{T}"/> per call. The owner calls
/// <see cref="Dispose"/> in a <c>finally</c>; the rented array is cleared on return because it may
/// hold references.
/// </summary>
internal struct PooledList<T> : IDisposable
{
    private T[]? _items;
    private int _count;

    public readonly int Count => _count;

    public void Add(T item)
    {
        if (_items is null)
        {
            _items = ArrayPool<T>.Shared.Rent(8);
        }
        else if (_count == _items.Length)
        {
            var larger = ArrayPool<T>.Shared.Rent(_items.Length * 2);
            _items.AsSpan().CopyTo(larger);
            ArrayPool<T>.Shared.Return(_items, clearArray: true);
            _items = larger;
        }

        _items[_count++] = item;
    }

    /// <summary>Empties the list and keeps the rented array for reuse.</summary>
    public void Clear() => _count = 0;

    public readonly ReadOnlySpan<T> AsSpan() => _items is null ? default : _items.AsSpan(0, _count);

    public readonly T[] ToArray() => _count == 0 ? [] : AsSpan().ToArray();

    public void Dispose()
    {
        if (_items is not null)
        {
            ArrayPool<T>.Shared.Return(_items, clearArray: true);
            _items = null;
            _count = 0;
        }
    }
}
