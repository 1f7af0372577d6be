namespace Relay.Server.Diagnostics.Internal;

/// <summary>
/// Identifies one series of an instrument by its tags, independent of the order the caller listed them in.
/// Up to three tags (every instrument of ours) are held inline, so a lookup of an existing series
/// allocates nothing; more tags (ASP.NET Core's request histogram has six) are copied into an array.
/// </summary>
internal readonly struct TagKey : IEquatable<TagKey>
{
    private const int InlineCapacity = 3;

    private readonly KeyValuePair<string, object?> _t0, _t1, _t2;
    private readonly KeyValuePair<string, object?>[]? _many;
    private readonly int _count;
    private readonly int _hash;

    private TagKey(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        _count = tags.Length;
        if (_count > InlineCapacity)
        {
            _many = tags.ToArray();
            Array.Sort(_many, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        }
        else
        {
            if (_count > 0) _t0 = tags[0];
            if (_count > 1) _t1 = tags[1];
            if (_count > 2) _t2 = tags[2];
            // A three-element sorting network by key: callers list tags in any order.
            if (_count > 1 && Before(_t1, _t0)) (_t0, _t1) = (_t1, _t0);
            if (_count > 2 && Before(_t2, _t1)) (_t1, _t2) = (_t2, _t1);
            if (_count > 2 && Before(_t1, _t0)) (_t0, _t1) = (_t1, _t0);
        }

        var hash = _count;
        for (var i = 0; i < _count; i++)
        {
            var tag = this[i];
            hash = (hash * 31) + Sample(tag.Key);
            hash = (hash * 31) + (tag.Value switch { null => 0, string s => Sample(s), var v => v.GetHashCode() });
        }
        _hash = hash;
    }

    /// <summary>How many tags the series has.</summary>
    public int Count => _count;

    /// <summary>The tags in ordinal key order.</summary>
    public KeyValuePair<string, object?> this[int index] => _many is not null ? _many[index] : index switch
    {
        0 => _t0,
        1 => _t1,
        _ => _t2,
    };

    public static TagKey Create(ReadOnlySpan<KeyValuePair<string, object?>> tags) => new(tags);

    public bool Equals(TagKey other)
    {
        if (_hash != other._hash || _count != other._count) return false;
        for (var i = 0; i < _count; i++)
        {
            var (a, b) = (this[i], other[i]);
            if (!string.Equals(a.Key, b.Key, StringComparison.Ordinal) || !Equals(a.Value, b.Value)) return false;
        }
        return true;
    }

    public override bool Equals(object? obj) => obj is TagKey other && Equals(other);

    public override int GetHashCode() => _hash;

    /// <summary>
    /// A hash of a string's length and three of its characters. Hashing whole strings (Marvin) was most of the
    /// cost of recording a tagged measurement; tag values come from small sets that these samples tell apart,
    /// and a collision only costs an equality check, never a wrong series.
    /// </summary>
    private static int Sample(string s) =>
        s.Length == 0 ? 0 : (s.Length * 16777619) ^ s[0] ^ (s[^1] << 8) ^ (s[s.Length >> 1] << 16);

    private static bool Before(KeyValuePair<string, object?> a, KeyValuePair<string, object?> b) =>
        string.CompareOrdinal(a.Key, b.Key) < 0;
}
