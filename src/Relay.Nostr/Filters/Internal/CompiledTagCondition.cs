using Relay.Nostr.Events;

namespace Relay.Nostr.Filters.Internal;

/// <summary>One compiled <c>#x</c> condition: some tag named x has its value (element 1) in the set.</summary>
internal sealed class CompiledTagCondition(char letter, ValueSet<string> values)
{
    public bool MatchesAnyTagOf(NostrEvent e)
    {
        foreach (var tag in e.Tags.AsSpan())
        {
            var name = tag.Name;
            if (name.Length == 1 && name[0] == letter && tag.Count > 1 && values.Contains(tag[1]))
            {
                return true;
            }
        }

        return false;
    }
}
