using Relay.Nostr.Events;

namespace Relay.Nostr.Filters;

/// <summary>
/// A deliberately naive matcher that restates NIP-01 with no preparation: strings compared as hex text,
/// lists scanned with LINQ. Slow; it exists so differential tests (here, and for the relay's live
/// subscription index) can check fast matchers against an obviously correct one.
/// </summary>
public static class FilterReference
{
    /// <summary>NIP-01: all present conditions hold; <c>limit</c> plays no part.</summary>
    public static bool Matches(NostrFilter filter, NostrEvent nostrEvent)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(nostrEvent);
        var id = nostrEvent.Id.ToString();
        var author = nostrEvent.PubKey.ToString();

        if (filter.Ids is { } ids && !ids.Any(x => x.ToString() == id))
        {
            return false;
        }

        if (filter.Authors is { } authors && !authors.Any(x => x.ToString() == author))
        {
            return false;
        }

        if (filter.Kinds is { } kinds && !kinds.Contains(nostrEvent.Kind))
        {
            return false;
        }

        if (filter.Since is { } since && nostrEvent.CreatedAt < since)
        {
            return false;
        }

        if (filter.Until is { } until && nostrEvent.CreatedAt > until)
        {
            return false;
        }

        foreach (var condition in filter.Tags)
        {
            var letter = condition.Letter.ToString();
            var found = nostrEvent.Tags.Any(tag => tag.Count >= 2 && tag[0] == letter && condition.Values.Contains(tag[1]));
            if (!found)
            {
                return false;
            }
        }

        if (filter.Search is { } search)
        {
            var words = SplitOnWhiteSpace(search)
                .Where(word => !(word.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon && colon < word.Length - 1));
            if (!words.All(word => nostrEvent.Content.ToUpperInvariant().Contains(word.ToUpperInvariant(), StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    private static List<string> SplitOnWhiteSpace(string text)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (current.Length > 0)
                {
                    words.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    /// <summary>NIP-01: filters of one request are alternatives.</summary>
    public static bool MatchesAny(IEnumerable<NostrFilter> filters, NostrEvent nostrEvent) =>
        filters.Any(filter => Matches(filter, nostrEvent));
}
