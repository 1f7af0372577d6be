using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Relay.Nostr.Crypto;
using Relay.Nostr.Events;
using Relay.Nostr.Tests.Support;

namespace Relay.Nostr.Tests.Events;

public class EventParsingTests
{
    /// <summary>Events published in the README of fiatjaf/nak (signed with secret keys 1 and 2): known answers from outside this code.</summary>
    public static TheoryData<string> PublishedEvents() =>
    [
        """{"id":"53443506e7d09e55b922a2369b80f926007a8a8a8ea5f09df1db59fe1993335e","pubkey":"79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798","created_at":1698632644,"kind":1,"tags":[],"content":"hello from the nostr army knife","sig":"4bdb609c975b2b61338c2ff4c7ce91d4afe74bea4ed1601a62e1fd125bd4c0ae6e0166cca96e5cfb7e0f50583eb6a0dd0b66072566299b6007742db56278010c"}""",
        """{"id":"e20978737ab7cd36eca300a65f11738176123f2e0c23054544b18fe493e2aa1a","pubkey":"c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5","created_at":1698632753,"kind":1,"tags":[["t","gm"]],"content":"good morning","sig":"5687c1a97066c349cb3bde0c0719fd1652a13403ba6aca7557b646307ee6718528cd86989db08bf6a7fd04bea0b0b87c1dd1b78c2d21b80b80eebab7f40b8916"}""",
    ];

    [Theory]
    [MemberData(nameof(PublishedEvents))]
    public void TryParse_accepts_published_events_and_their_signatures_verify_on_both_implementations(string json)
    {
        Assert.True(NostrEvent.TryParse(TestEvents.Utf8(json), NostrLimits.Default, out var e, out var error), error);
        Assert.Equal(json, e.ToString());
        Assert.True(e.VerifySignature(SchnorrBackends.Managed));
        Assert.True(e.VerifySignature(NativeBackend.Required));
    }

    [Fact]
    public void TryParse_refuses_the_NIP70_example_whose_id_is_a_placeholder()
    {
        // NIP-70's example shows a made-up id (nostr-tools' getEventHash gives f017727a...): a relay must refuse it.
        const string json =
            """{"id":"cb8feca582979d91fe90455867b34dbf4d65e4b86e86b3c68c368ca9f9eef6f2","pubkey":"79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798","created_at":1707409439,"kind":1,"tags":[["-"]],"content":"hello members of the secret group","sig":"fa163f5cfb75d77d9b6269011872ee22b34fb48d23251e9879bb1e4ccbdd8aaaf4b6dc5f5084a65ef42c52fbcde8f3178bac3ba207de827ec513a6aa39fa684c"}""";
        Assert.False(NostrEvent.TryParse(TestEvents.Utf8(json), NostrLimits.Default, out _, out var error));
        Assert.Equal("invalid: id does not match the sha256 of the serialized event", error);
    }

    [Fact]
    public void Canonical_json_has_NIP01_field_order_no_whitespace_and_minimal_escaping()
    {
        var e = TestEvents.TypicalNote;
        var expected =
            $$"""{"id":"{{e.Id}}","pubkey":"{{e.PubKey}}","created_at":1763700000,"kind":1,"tags":[["e","5c83da77af1dec6d7289834998ad7aafbd9e2191396d75ec3cc27f5a77226f36","wss://nostr.example.com"],["p","f7234bd4c1394dda46d09f35bd384dd30cc552ad5541990f98844fb06676e9ca"],["t","nostr"]],"content":"Replying to the thread: relays should store events exactly as they hash them. \"Quotes\", back\\slashes, newlines\nand emoji 🎉 all survive.","sig":"{{e.Sig}}"}""";
        Assert.Equal(expected, e.ToString());
    }

    [Fact]
    public void Fields_in_any_order_with_whitespace_and_unknown_fields_parse_to_the_same_canonical_bytes()
    {
        var e = TestEvents.TypicalNote;
        using var doc = JsonDocument.Parse(e.Json);
        var members = doc.RootElement.EnumerateObject().Reverse().Select(p => $"\n  \"{p.Name}\" : {p.Value.GetRawText()}");
        var shuffled = "{ \"relays\": [\"wss://x\"], \"extra\": {\"nested\": [1, 2, {\"a\": null}]}," + string.Join(",", members) + ", \"seen\": true }";

        Assert.True(NostrEvent.TryParse(TestEvents.Utf8(shuffled), NostrLimits.Default, out var parsed, out var error), error);
        Assert.Equal(e.Json.ToArray(), parsed.Json.ToArray());
    }

    [Fact]
    public void Escaped_input_is_decoded_and_stored_in_normal_form_with_the_same_id()
    {
        var e = TestEvents.Note("é / <b> 😀 \u2028 \u007f \"q\" \\ \t", tags: new NostrTag("t", "日本 & é"));

        // System.Text.Json's default encoder escapes non-ASCII, HTML characters and U+2028 as \uXXXX (uppercase).
        using var doc = JsonDocument.Parse(e.Json);
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.Default };
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            doc.WriteTo(writer);
        }

        var escaped = Encoding.UTF8.GetString(stream.ToArray());
        Assert.Contains("\\u00E9", escaped, StringComparison.Ordinal);
        Assert.Contains("\\uD83D\\uDE00", escaped, StringComparison.Ordinal);

        Assert.True(NostrEvent.TryParse(stream.ToArray(), NostrLimits.Default, out var parsed, out var error), error);
        Assert.Equal(e.Id, parsed.Id);
        Assert.Equal(e.Json.ToArray(), parsed.Json.ToArray());
        Assert.Equal(e.Content, parsed.Content);
    }

    [Fact]
    public void Keys_and_hex_values_spelled_with_escapes_are_still_recognised()
    {
        var e = TestEvents.Note("a/b");
        var first = e.PubKey.ToString()[0];
        var json = e.ToString()
            .Replace("\"id\":", "\"\\u0069d\":", StringComparison.Ordinal)
            .Replace($"\"pubkey\":\"{first}", $"\"pubkey\":\"\\u{(int)first:x4}", StringComparison.Ordinal)
            .Replace("a/b", "a\\/b", StringComparison.Ordinal);
        Assert.Contains("\\u0069d", json, StringComparison.Ordinal);

        Assert.True(NostrEvent.TryParse(TestEvents.Utf8(json), NostrLimits.Default, out var parsed, out var error), error);
        Assert.Equal(e.Json.ToArray(), parsed.Json.ToArray());
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(9_007_199_254_740_991L)]
    public void Created_at_accepts_the_whole_JSON_safe_integer_range(long createdAt)
    {
        var e = TestEvents.Note(createdAt: createdAt);
        Assert.True(NostrEvent.TryParse(e.Json.Span, NostrLimits.Default, out var parsed, out var error), error);
        Assert.Equal(createdAt, parsed.CreatedAt);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65535)]
    public void Kind_accepts_0_to_65535(int kind)
    {
        var e = TestEvents.Note(kind: kind);
        Assert.True(NostrEvent.TryParse(e.Json.Span, NostrLimits.Default, out var parsed, out var error), error);
        Assert.Equal(kind, parsed.Kind);
    }

    [Fact]
    public void Tags_keep_every_element_and_empty_strings()
    {
        var e = TestEvents.Note(tags: [new NostrTag("t", ""), new NostrTag(""), new NostrTag("x", "1", "2", "3")]);
        Assert.True(NostrEvent.TryParse(e.Json.Span, NostrLimits.Default, out var parsed, out var error), error);
        Assert.Equal(["t", ""], parsed.Tags[0].Values.ToArray());
        Assert.Equal([""], parsed.Tags[1].Values.ToArray());
        Assert.Null(parsed.Tags[1].Value);
        Assert.Equal(["x", "1", "2", "3"], parsed.Tags[2].Values.ToArray());
    }

    [Fact]
    public void Limits_at_exactly_their_value_are_accepted()
    {
        var limits = NostrLimits.Default with { MaxEventTags = 3, MaxTagElements = 3, MaxIndexedTagValueLength = 4, MaxContentLength = 5 };
        var e = TestEvents.Note("ééééé", tags: [new NostrTag("t", "abcd", "x"), new NostrTag("long", new string('v', 100)), new NostrTag("a")]);
        Assert.True(NostrEvent.TryParse(e.Json.Span, limits, out _, out var error), error);

        var exact = NostrLimits.Default with { MaxEventSize = e.Json.Length };
        Assert.True(NostrEvent.TryParse(e.Json.Span, exact, out _, out error), error);
        Assert.False(NostrEvent.TryParse(e.Json.Span, exact with { MaxEventSize = e.Json.Length - 1 }, out _, out error));
        Assert.Equal($"invalid: event is larger than {e.Json.Length - 1} bytes", error);
    }

    [Fact]
    public void TryParse_refuses_trailing_data_after_the_event()
    {
        var json = TestEvents.Note().ToString() + " {}";
        Assert.False(NostrEvent.TryParse(TestEvents.Utf8(json), NostrLimits.Default, out _, out var error));
        Assert.StartsWith("invalid: ", error);
    }
}
