using System.Text;
using Relay.Nostr.Events;
using Relay.Nostr.Filters;
using Relay.Nostr.Messages;
using Relay.Nostr.Tests.Support;

namespace Relay.Nostr.Tests.Messages;

public class ClientMessageParserTests
{
    private static readonly NostrEvent Note = TestEvents.TypicalNote;

    [Fact]
    public void EVENT_yields_the_event_in_canonical_form()
    {
        var message = Parse($"[\"EVENT\",{Note}]");
        var e = Assert.IsType<EventMessage>(message).Event;
        Assert.Equal(ClientVerb.Event, message.Verb);
        Assert.Equal(Note.Json.ToArray(), e.Json.ToArray());
    }

    [Fact]
    public void Whitespace_between_every_token_is_accepted()
    {
        var message = Parse($" \n[ \"EVENT\" ,\r\n\t{Note} ] \n");
        Assert.IsType<EventMessage>(message);
    }

    [Fact]
    public void A_message_type_spelled_with_escapes_is_recognised()
    {
        Assert.IsType<CloseMessage>(Parse("[\"\\u0043LOSE\",\"s\"]"));
    }

    [Fact]
    public void AUTH_yields_the_authentication_event()
    {
        var auth = TestEvents.Note("", kind: Kinds.ClientAuthentication, tags: [new NostrTag("relay", "wss://relay.example.com/"), new NostrTag("challenge", "c1")]);
        var message = Assert.IsType<AuthMessage>(Parse($"[\"AUTH\",{auth}]"));
        Assert.Equal(auth.Id, message.Event.Id);
        Assert.Equal("c1", message.Event.GetFirstTagValue("challenge"));
    }

    [Fact]
    public void REQ_yields_every_filter_with_every_field()
    {
        var id = Note.Id.ToString();
        var author = Note.PubKey.ToString();
        var json = $$"""
            ["REQ","feed",
             {"ids":["{{id}}"],"authors":["{{author}}"],"kinds":[1,7],"#e":["{{id}}"],"#t":["nostr","Relay"],"since":10,"until":20,"limit":5,"search":"best apps"},
             {"kinds":[0]}]
            """;
        var req = Assert.IsType<ReqMessage>(Parse(json));
        Assert.Equal("feed", req.SubscriptionId.Value);
        Assert.Equal(2, req.Filters.Length);
        var f = req.Filters[0];
        Assert.Equal([Note.Id], f.Ids!.Value.ToArray());
        Assert.Equal([Note.PubKey], f.Authors!.Value.ToArray());
        Assert.Equal([1, 7], f.Kinds!.Value.ToArray());
        Assert.Equal(['e', 't'], f.Tags.Select(t => t.Letter));
        Assert.Equal(["nostr", "Relay"], f.Tags[1].Values.ToArray());
        Assert.Equal(10, f.Since);
        Assert.Equal(20, f.Until);
        Assert.Equal(5, f.Limit);
        Assert.Equal("best apps", f.Search);
        Assert.Null(req.Filters[1].Ids);
        Assert.Empty(req.Filters[1].Tags);
    }

    [Fact]
    public void COUNT_and_CLOSE_are_parsed()
    {
        var count = Assert.IsType<CountMessage>(Parse("[\"COUNT\",\"c\",{\"kinds\":[3],\"#p\":[\"" + Note.PubKey + "\"]}]"));
        Assert.Equal("c", count.SubscriptionId.Value);
        Assert.Single(count.Filters);
        var close = Assert.IsType<CloseMessage>(Parse("[\"CLOSE\",\"c\"]"));
        Assert.Equal(count.SubscriptionId, close.SubscriptionId);
    }

    [Theory]
    [InlineData("{\"limit\":0}", 0)]
    [InlineData("{\"limit\":500}", 500)]
    [InlineData("{\"limit\":501}", 500)]
    [InlineData("{\"limit\":1000000000000}", 500)]
    [InlineData("{\"limit\":123456789012345678901234567890}", 500)]
    public void Limit_above_the_maximum_is_clamped_silently(string filter, int expected)
    {
        var req = Assert.IsType<ReqMessage>(Parse($"[\"REQ\",\"s\",{filter}]"));
        Assert.Equal(expected, req.Filters[0].Limit);
    }

    [Fact]
    public void Empty_lists_are_accepted_and_match_nothing()
    {
        var req = Assert.IsType<ReqMessage>(Parse("[\"REQ\",\"s\",{\"authors\":[]},{\"#t\":[]},{\"since\":5,\"until\":4},{}]"));
        Assert.Equal([false, false, false, true], req.Filters.Select(f => f.CanMatch));
        Assert.False(req.Filters[0].Matches(Note));
        Assert.True(req.Filters[3].Matches(Note));
    }

    [Fact]
    public void Subscription_ids_are_decoded_and_counted_in_characters()
    {
        var emoji = string.Concat(Enumerable.Repeat("😀", 64));
        var req = Assert.IsType<ReqMessage>(Parse($"[\"REQ\",\"{emoji}\",{{}}]"));
        Assert.Equal(emoji, req.SubscriptionId.Value);

        var escaped = Assert.IsType<CloseMessage>(Parse("[\"CLOSE\",\"a\\\"b\\u00e9\\/\"]"));
        Assert.Equal("a\"bé/", escaped.SubscriptionId.Value);
        Assert.Equal("\"a\\\"bé/\"", Encoding.UTF8.GetString(escaped.SubscriptionId.Json.Span));
    }

    [Fact]
    public void Filter_keys_and_values_spelled_with_escapes_are_decoded()
    {
        var req = Assert.IsType<ReqMessage>(Parse("[\"REQ\",\"s\",{\"\\u006binds\":[1],\"\\u0023t\":[\"caf\\u00e9\"],\"search\":\"\\/x\"}]"));
        var filter = req.Filters[0];
        Assert.Equal([1], filter.Kinds!.Value.ToArray());
        Assert.Equal('t', filter.Tags[0].Letter);
        Assert.Equal("café", filter.Tags[0].Values[0]);
        Assert.Equal("/x", filter.Search);
    }

    [Fact]
    public void Filters_with_tag_letters_of_both_cases_are_distinct()
    {
        var req = Assert.IsType<ReqMessage>(Parse("[\"REQ\",\"s\",{\"#t\":[\"a\"],\"#T\":[\"b\"]}]"));
        Assert.Equal(['t', 'T'], req.Filters[0].Tags.Select(t => t.Letter));
    }

    private static ClientMessage Parse(string json)
    {
        Assert.True(ClientMessageParser.TryParse(Encoding.UTF8.GetBytes(json), NostrLimits.Default, out var message, out var error), error.Message);
        return message;
    }
}
