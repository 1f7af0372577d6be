using System.Collections.Immutable;
using Relay.Nostr.Events;
using Relay.Nostr.Filters;
using Relay.Nostr.Tests.Support;

namespace Relay.Nostr.Tests.Filters;

public class FilterMatchingTests
{
    private static readonly NostrEvent E = TestEvents.Note(
        "Hello Nostr world",
        kind: 1,
        createdAt: 1000,
        tags: [new NostrTag("e", new string('a', 64)), new NostrTag("t", "first", "ignored-second-value"), new NostrTag("t", "second"), new NostrTag("T", "upper"), new NostrTag("title", "long name")]);

    public static TheoryData<string, bool> Cases() => new()
    {
        { "empty filter", true },
        { "kinds hit", true },
        { "kinds miss", false },
        { "ids hit", true },
        { "ids miss", false },
        { "authors hit", true },
        { "authors miss", false },
        { "since equal", true },
        { "since after", false },
        { "until equal", true },
        { "until before", false },
        { "tag first value of first tag", true },
        { "tag value of a later tag", true },
        { "tag second element never matches", false },
        { "tag letter is case sensitive", false },
        { "upper-case letter", true },
        { "multi-letter tag names are not single-letter tags", false },
        { "two tag letters both hold", true },
        { "two tag letters one fails", false },
        { "AND across fields", false },
        { "search all terms", true },
        { "search case-insensitive", true },
        { "search missing term", false },
        { "search ignores extensions", true },
        { "empty list", false },
        { "since after until", false },
        { "large authors list hit", true },
        { "large kinds list miss", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compiled_and_reference_matchers_follow_NIP01(string name, bool expected)
    {
        var filter = Build(name);
        Assert.Equal(expected, filter.Matches(E));
        Assert.Equal(expected, FilterReference.Matches(filter, E));
    }

    [Fact]
    public void Filters_of_a_request_are_alternatives()
    {
        ReadOnlySpan<NostrFilter> filters = [Build("kinds miss"), Build("ids hit")];
        Assert.True(NostrFilter.MatchesAny(filters, E));
        Assert.False(NostrFilter.MatchesAny([Build("kinds miss"), Build("authors miss")], E));
        Assert.True(FilterReference.MatchesAny([Build("kinds miss"), Build("ids hit")], E));
    }

    [Fact]
    public void Effective_limit_applies_the_default_and_the_maximum()
    {
        var limits = NostrLimits.Default with { DefaultLimit = 100, MaxLimit = 200 };
        Assert.Equal(100, new NostrFilter().GetEffectiveLimit(limits));
        Assert.Equal(5, new NostrFilter { Limit = 5 }.GetEffectiveLimit(limits));
        Assert.Equal(200, new NostrFilter { Limit = 1000 }.GetEffectiveLimit(limits));
    }

    private static NostrFilter Build(string name)
    {
        var other = PublicKey.Parse(new string('b', 64));
        return name switch
        {
            "empty filter" => new NostrFilter(),
            "kinds hit" => new NostrFilter { Kinds = [0, 1] },
            "kinds miss" => new NostrFilter { Kinds = [0, 7] },
            "ids hit" => new NostrFilter { Ids = [EventId.Parse(new string('c', 64)), E.Id] },
            "ids miss" => new NostrFilter { Ids = [EventId.Parse(new string('c', 64))] },
            "authors hit" => new NostrFilter { Authors = [other, E.PubKey] },
            "authors miss" => new NostrFilter { Authors = [other] },
            "since equal" => new NostrFilter { Since = 1000 },
            "since after" => new NostrFilter { Since = 1001 },
            "until equal" => new NostrFilter { Until = 1000 },
            "until before" => new NostrFilter { Until = 999 },
            "tag first value of first tag" => Tags(('t', ["first"])),
            "tag value of a later tag" => Tags(('t', ["second"])),
            "tag second element never matches" => Tags(('t', ["ignored-second-value"])),
            "tag letter is case sensitive" => Tags(('T', ["first"])),
            "upper-case letter" => Tags(('T', ["upper"])),
            "multi-letter tag names are not single-letter tags" => Tags(('t', ["long name"])),
            "two tag letters both hold" => Tags(('t', ["second"]), ('e', [new string('a', 64)])),
            "two tag letters one fails" => Tags(('t', ["second"]), ('e', [new string('b', 64)])),
            "AND across fields" => new NostrFilter { Kinds = [1], Authors = [other] },
            "search all terms" => new NostrFilter { Search = "nostr hello" },
            "search case-insensitive" => new NostrFilter { Search = "WORLD" },
            "search missing term" => new NostrFilter { Search = "hello mars" },
            "search ignores extensions" => new NostrFilter { Search = "hello include:spam language:en" },
            "empty list" => new NostrFilter { Authors = [] },
            "since after until" => new NostrFilter { Since = 1000, Until = 999 },
            "large authors list hit" => new NostrFilter { Authors = [.. Enumerable.Range(0, 100).Select(i => PublicKey.Parse(i.ToString("x64"))), E.PubKey] },
            "large kinds list miss" => new NostrFilter { Kinds = [.. Enumerable.Range(2, 200)] },
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }

    private static NostrFilter Tags(params (char Letter, string[] Values)[] conditions) =>
        new() { Tags = [.. conditions.Select(c => new TagFilter(c.Letter, [.. c.Values]))] };
}
