using System.Text;

namespace Relay.Actors;

/// <summary>
/// The location of an actor in its system's hierarchy: <c>akka://{system}/user/{parent}/{name}</c>.
/// Equality ignores <see cref="Uid"/> (as in Akka.NET): a path names a position, a reference names an incarnation.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ActorPath : IEquatable<ActorPath>, IComparable<ActorPath>
{
    // Akka.NET's scheme for local paths; kept so that code comparing path strings behaves the same.
    private const string Scheme = "akka://";

    private readonly ActorPath? _parent;
    private string? _string;

    private ActorPath(string systemName)
    {
        SystemName = systemName;
        Name = string.Empty;
        Depth = 0;
    }

    private ActorPath(ActorPath parent, string name, long uid)
    {
        _parent = parent;
        SystemName = parent.SystemName;
        Name = name;
        Uid = uid;
        Depth = parent.Depth + 1;
    }

    /// <summary>The name of the actor system this path belongs to.</summary>
    public string SystemName { get; }

    /// <summary>The last element: the actor's name (empty for the root).</summary>
    public string Name { get; }

    /// <summary>The unique id of the incarnation this path was taken from; 0 when undefined.</summary>
    public long Uid { get; }

    /// <summary>Number of elements below the root (<c>/user/a</c> has depth 2).</summary>
    public int Depth { get; }

    /// <summary>The parent path; the root is its own parent (as in Akka.NET).</summary>
    public ActorPath Parent => _parent ?? this;

    /// <summary>The root of the hierarchy (<c>akka://{system}/</c>).</summary>
    public ActorPath Root
    {
        get
        {
            var p = this;
            while (p._parent is not null) p = p._parent;
            return p;
        }
    }

    /// <summary>The address part, <c>akka://{system}</c>.</summary>
    public string Address => Scheme + SystemName;

    /// <summary>The elements below the root, outermost first (<c>["user", "a"]</c>).</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var result = new string[Depth];
            for (var p = this; p._parent is not null; p = p._parent)
                result[p.Depth - 1] = p.Name;
            return result;
        }
    }

    /// <summary>Creates the root path of a system.</summary>
    internal static ActorPath CreateRoot(string systemName) => new(systemName);

    /// <summary>Creates a child path with the given incarnation uid.</summary>
    internal ActorPath Child(string name, long uid) => new(this, name, uid);

    /// <summary>Returns this path with another incarnation uid.</summary>
    /// <param name="uid">The uid.</param>
    public ActorPath WithUid(long uid) => _parent is null || uid == Uid ? this : new ActorPath(_parent, Name, uid);

    /// <summary>Appends a child element (uid undefined).</summary>
    /// <param name="path">The parent path.</param>
    /// <param name="name">The child's name.</param>
    public static ActorPath operator /(ActorPath path, string name)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new ActorPath(path, name, 0);
    }

    /// <summary>Appends a child element (uid undefined); the named alternative to <c>/</c>.</summary>
    /// <param name="left">The parent path.</param>
    /// <param name="right">The child's name.</param>
    public static ActorPath Divide(ActorPath left, string right) => left / right;

    /// <summary>The path without the address: <c>/user/a</c>.</summary>
    public string ToStringWithoutAddress()
    {
        if (_parent is null) return "/";
        var sb = new StringBuilder();
        AppendElements(sb);
        return sb.ToString();
    }

    /// <summary>The full path: <c>akka://{system}/user/a</c>.</summary>
    public override string ToString()
    {
        if (_string is not null) return _string;
        var sb = new StringBuilder(Scheme).Append(SystemName);
        if (_parent is null) sb.Append('/');
        else AppendElements(sb);
        return _string = sb.ToString();
    }

    private void AppendElements(StringBuilder sb)
    {
        if (_parent is null) return;
        _parent.AppendElements(sb);
        sb.Append('/').Append(Name);
    }

    /// <inheritdoc/>
    public bool Equals(ActorPath? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || other.Depth != Depth || other.SystemName != SystemName) return false;
        for (ActorPath? a = this, b = other; a is not null && b is not null; a = a._parent, b = b._parent)
        {
            if (ReferenceEquals(a, b)) return true;
            if (a.Name != b.Name) return false;
        }
        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ActorPath other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(SystemName, StringComparer.Ordinal);
        for (var p = this; p._parent is not null; p = p._parent) hash.Add(p.Name, StringComparer.Ordinal);
        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public int CompareTo(ActorPath? other) =>
        other is null ? 1 : string.CompareOrdinal(ToString(), other.ToString());

    /// <summary>Equality by elements (uid ignored).</summary>
    public static bool operator ==(ActorPath? left, ActorPath? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality by elements (uid ignored).</summary>
    public static bool operator !=(ActorPath? left, ActorPath? right) => !(left == right);

    /// <summary>Ordinal order of the full path strings.</summary>
    public static bool operator <(ActorPath? left, ActorPath? right) => left is null ? right is not null : left.CompareTo(right) < 0;

    /// <summary>Ordinal order of the full path strings.</summary>
    public static bool operator >(ActorPath? left, ActorPath? right) => left is not null && left.CompareTo(right) > 0;

    /// <summary>Ordinal order of the full path strings.</summary>
    public static bool operator <=(ActorPath? left, ActorPath? right) => !(left > right);

    /// <summary>Ordinal order of the full path strings.</summary>
    public static bool operator >=(ActorPath? left, ActorPath? right) => !(left < right);
}
