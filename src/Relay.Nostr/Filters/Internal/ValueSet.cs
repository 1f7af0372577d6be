namespace Relay.Nostr.Filters.Internal;

/// <summary>
/// Membership test over a fixed set: a linear scan of a small array, or a hash set beyond
/// <c>linearScanLimit</c> items. Immutable after construction.
/// </summary>
internal sealed class ValueSet<T>
    where T : IEquatable<T>
{
    private readonly T[]? _items;
    private readonly HashSet<T>? _set;

    public ValueSet(ReadOnlySpan<T> values, int linearScanLimit, IEqualityComparer<T>? comparer)
    {
        if (values.Length <= linearScanLimit)
        {
            _items = values.ToArray();
        }
        else
        {
            _set = new HashSet<T>(values.Length, comparer);
            foreach (var value in values)
            {
                _set.Add(value);
            }
        }
    }

    public bool Contains(T value) => _items is not null ? _items.AsSpan().Contains(value) : _set!.Contains(value);
}
