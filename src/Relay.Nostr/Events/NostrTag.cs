using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Relay.Nostr.Internal;

namespace Relay.Nostr.Events;

/// <summary>
/// One tag of an event: a non-empty array of strings. Element 0 is the tag's name, element 1 its value
/// (NIP-01 "Tags"); only the value of single-letter tags is indexed and filterable.
/// </summary>
/// <remarks>A view over an array nobody mutates; copying the struct copies a reference.</remarks>
public readonly struct NostrTag
{
    private readonly string[] _elements;

    /// <summary>Creates a tag from its elements (copied).</summary>
    /// <exception cref="ArgumentException">No elements were given (NIP-01: "one or more strings").</exception>
    public NostrTag(params ReadOnlySpan<string> elements)
    {
        if (elements.IsEmpty)
        {
            ThrowHelper.ThrowArgument("A tag has at least one element.", nameof(elements));
        }

        foreach (var element in elements)
        {
            ArgumentNullException.ThrowIfNull(element, nameof(elements));
        }

        _elements = elements.ToArray();
    }

    /// <summary>Wraps an array the caller hands over and never mutates again (the parser's own arrays).</summary>
    private NostrTag(string[] elements, bool _) => _elements = elements;

    internal static NostrTag Wrap(string[] elements) => new(elements, false);

    /// <summary>Element 0, the tag's name (<c>e</c>, <c>p</c>, <c>d</c>, <c>expiration</c>, ...).</summary>
    public string Name => Elements[0];

    /// <summary>Element 1, the tag's value, or null for a tag with only a name (like NIP-70's <c>["-"]</c>).</summary>
    public string? Value => Elements.Length > 1 ? Elements[1] : null;

    /// <summary>Number of elements, at least 1.</summary>
    public int Count => Elements.Length;

    /// <summary>Element <paramref name="index"/>.</summary>
    public string this[int index] => Elements[index];

    /// <summary>All elements, name first.</summary>
    public ImmutableArray<string> Values => ImmutableCollectionsMarshal.AsImmutableArray(Elements);

    /// <summary>All elements as a span, name first.</summary>
    public ReadOnlySpan<string> AsSpan() => Elements;

    /// <summary>True for <c>default(NostrTag)</c>, which is not a tag.</summary>
    internal bool IsDefault => _elements is null;

    /// <summary>True when the name is one ASCII letter a–z or A–Z: the tags NIP-01 expects relays to index.</summary>
    public bool IsSingleLetter => Name.Length == 1 && char.IsAsciiLetter(Name[0]);

    private string[] Elements => _elements ?? ThrowHelper.ThrowInvalidOperation<string[]>("default(NostrTag) has no elements.");
}
