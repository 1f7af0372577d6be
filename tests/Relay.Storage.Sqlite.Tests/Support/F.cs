using System.Collections.Immutable;
using Relay.Nostr.Events;
using Relay.Nostr.Filters;

namespace Relay.Storage.Sqlite.Tests.Support;

/// <summary>Short filter construction for tests.</summary>
internal static class F
{
    public static NostrFilter Ids(params EventId[] ids) => new() { Ids = [.. ids] };

    public static NostrFilter Authors(params PublicKey[] authors) => new() { Authors = [.. authors] };

    public static NostrFilter Kinds(params int[] kinds) => new() { Kinds = [.. kinds] };

    public static NostrFilter Tag(char letter, params string[] values) => new() { Tags = [new TagFilter(letter, [.. values])] };

    public static NostrFilter All(int? limit = null) => new() { Limit = limit };

    public static ImmutableArray<TagFilter> Tags(params (char Letter, string[] Values)[] tags) =>
        [.. tags.Select(t => new TagFilter(t.Letter, [.. t.Values]))];
}
