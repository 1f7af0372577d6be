namespace Relay.Server.Diagnostics.Internal;

/// <summary>
/// The tags of one series, sorted by key, with a hash that does not depend on the order tags are given in.
/// A measurement finds its series by <see cref="HashOf"/> and <see cref="Matches"/> on the caller's span, so
/// recording builds nothing; a <see cref="TagKey"/> is created only when a new series is.
/// </summary>
/// <remarks>Immutable, so safe to share between threads.</remarks>
internal sealed class TagKey
{
    private readonly KeyValuePair<string, object?>[] _tags;

    private TagKey(ReadOnlySpan<KeyValuePair<string, object?>> tags, int hash)
    {
        _tags = tags.ToArray();
        Array.Sort(_tags, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        Hash = hash;
    }

    /// <summary>The order-independent hash of the tags (<see cref="HashOf"/>).</summary>
    public int Hash { get; }

    /// <summary>How many tags the series has.</summary>
    public int Count => _tags.Length;

    /// <summary>The tags in ordinal key order.</summary>
    public KeyValuePair<string, object?> this[int index] => _tags[index];

    public static TagKey Create(ReadOnlySpan<KeyValuePair<string, object?>> tags) => new(tags, HashOf(tags));

    /// <summary>A hash of the tags that is the same in any order: a sum of one mixed hash per tag.</summary>
    public static int HashOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var hash = tags.Length;
        foreach (var tag in tags)
        {
            var value = tag.Value switch { null => 0, string s => Sample(s), var v => v.GetHashCode() };
            hash += ((Sample(tag.Key) * 31) + value) * -1640531535;   // 2^32 / golden ratio: spreads the bits
        }
        return hash;
    }

    /// <summary>Whether <paramref name="tags"/>, in any order, are exactly this series' tags.</summary>
    public bool Matches(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length != _tags.Length) return false;
        foreach (var tag in tags)
        {
            var found = false;
            foreach (var mine in _tags)
            {
                if (string.Equals(mine.Key, tag.Key, StringComparison.Ordinal) && Equals(mine.Value, tag.Value))
                {
                    found = true;
                    break;
                }
            }
            if (!found) return false;
        }
        return true;
    }

    /// <summary>
    /// A hash of a string's length and three of its characters. Hashing whole strings (Marvin) was most of the
    /// cost of recording a tagged measurement; tag values come from small sets that these samples tell apart,
    /// and a collision only costs an equality check, never a wrong series.
    /// </summary>
    private static int Sample(string s) =>
        s.Length == 0 ? 0 : (s.Length * 16777619) ^ s[0] ^ (s[^1] << 8) ^ (s[s.Length >> 1] << 16);
}
