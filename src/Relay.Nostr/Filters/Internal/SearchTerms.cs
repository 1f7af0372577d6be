namespace Relay.Nostr.Filters.Internal;

/// <summary>
/// The NIP-50 matching this core offers: a query is split on whitespace; terms of the form
/// <c>key:value</c> are extensions, which NIP-50 says to ignore when unsupported (none are); every
/// remaining term must occur in the content, ordinal and case-insensitive. A query with no terms matches
/// everything. Deliberately simple and identical for live and reference matching; ranking is not attempted.
/// </summary>
internal static class SearchTerms
{
    public static string[]? Parse(string? search)
    {
        if (search is null)
        {
            return null;
        }

        return [.. search.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(term => !IsExtension(term))];
    }

    public static bool AllOccurIn(string[] terms, string content)
    {
        foreach (var term in terms)
        {
            if (!content.Contains(term, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>NIP-50: "key:value pairs (two words separated by colon)".</summary>
    public static bool IsExtension(string term)
    {
        var colon = term.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < term.Length - 1;
    }
}
