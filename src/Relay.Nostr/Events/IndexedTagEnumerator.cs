namespace Relay.Nostr.Events;

/// <summary>
/// Enumerates an event's indexable tags without allocating: each tag named by one ASCII letter that has
/// a value, as (letter, value). Returned by <see cref="NostrEvent.EnumerateIndexedTags"/>.
/// </summary>
public struct IndexedTagEnumerator
{
    private readonly NostrTag[] _tags;
    private int _index;

    internal IndexedTagEnumerator(NostrTag[] tags)
    {
        _tags = tags;
        _index = -1;
        Current = default;
    }

    /// <summary>The current (letter, value) pair.</summary>
    public (char Letter, string Value) Current { get; private set; }

    /// <summary>Returns this enumerator, so it works in <c>foreach</c>.</summary>
    public readonly IndexedTagEnumerator GetEnumerator() => this;

    /// <summary>Advances to the next indexable tag.</summary>
    public bool MoveNext()
    {
        while (++_index < _tags.Length)
        {
            var tag = _tags[_index];
            if (tag.Count > 1 && tag.IsSingleLetter)
            {
                Current = (tag.Name[0], tag[1]);
                return true;
            }
        }

        return false;
    }
}
