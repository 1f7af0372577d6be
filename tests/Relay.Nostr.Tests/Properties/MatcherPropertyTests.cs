using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Relay.Nostr.Events;
using Relay.Nostr.Filters;
using Relay.Nostr.Messages;
using Relay.Nostr.Tests.Support;

namespace Relay.Nostr.Tests.Properties;

/// <summary>The compiled matcher against the naive reference on random events and filters (strfry's differential fuzz).</summary>
public class MatcherPropertyTests
{
    private static readonly NostrEvent[] Pool = Gen.Sample(Generators.SmallDomainEvent, 60).ToArray();

    [Fact]
    public void Compiled_matcher_agrees_with_the_reference_on_random_events_and_filters()
    {
        var cases =
            from filters in Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(Generators.SmallDomainFilter(Pool), n))
            from e in Gen.Elements(Pool)
            select (filters, e);
        var matched = 0;
        var property = Prop.ForAll(cases.ToArbitrary(), c =>
        {
            foreach (var filter in c.filters)
            {
                var expected = FilterReference.Matches(filter, c.e);
                Assert.Equal(expected, filter.Matches(c.e));
                matched += expected ? 1 : 0;
            }

            Assert.Equal(FilterReference.MatchesAny(c.filters, c.e), NostrFilter.MatchesAny(c.filters, c.e));
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(5000), property);

        // The domain is small on purpose: the property must have seen matches, not only misses.
        Assert.True(matched > 100, $"only {matched} matches");
    }

    [Fact]
    public void Filters_survive_the_trip_through_REQ_JSON()
    {
        var cases =
            from filter in Generators.SmallDomainFilter(Pool)
            from e in Gen.Elements(Pool)
            select (filter, e);
        var property = Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var json = Encoding.UTF8.GetBytes($"[\"REQ\",\"s\",{ToJson(c.filter)}]");
            Assert.True(ClientMessageParser.TryParse(json, NostrLimits.Default, out var message, out var error), error.Message);
            var parsed = Assert.IsType<ReqMessage>(message).Filters[0];
            Assert.Equal(c.filter.Matches(c.e), parsed.Matches(c.e));
            Assert.Equal(c.filter.CanMatch, parsed.CanMatch);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), property);
    }

    private static string ToJson(NostrFilter f)
    {
        var parts = new List<string>();
        if (f.Ids is { } ids)
        {
            parts.Add($"\"ids\":[{string.Join(",", ids.Select(x => $"\"{x}\""))}]");
        }

        if (f.Authors is { } authors)
        {
            parts.Add($"\"authors\":[{string.Join(",", authors.Select(x => $"\"{x}\""))}]");
        }

        if (f.Kinds is { } kinds)
        {
            parts.Add($"\"kinds\":[{string.Join(",", kinds)}]");
        }

        parts.AddRange(f.Tags.Select(t => $"\"#{t.Letter}\":[{string.Join(",", t.Values.Select(NaiveNip01.Quote))}]"));
        if (f.Since is { } since)
        {
            parts.Add($"\"since\":{since}");
        }

        if (f.Until is { } until)
        {
            parts.Add($"\"until\":{until}");
        }

        if (f.Search is { } search)
        {
            parts.Add($"\"search\":{NaiveNip01.Quote(search)}");
        }

        return "{" + string.Join(",", parts) + "}";
    }
}
