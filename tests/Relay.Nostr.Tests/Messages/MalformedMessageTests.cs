using System.Buffers;
using System.Text;
using System.Text.Json;
using Relay.Nostr.Events;
using Relay.Nostr.Messages;
using Relay.Nostr.Tests.Support;

namespace Relay.Nostr.Tests.Messages;

/// <summary>
/// Every malformed message the parser must refuse, with the exact reply it deserves: the reply kind, the
/// id it is addressed to, and the full text with its NIP-01 prefix. Each case is also written out with
/// <see cref="RelayMessageWriter.WriteReply"/> and read back as JSON.
/// </summary>
public class MalformedMessageTests
{
    private static readonly NostrEvent Valid = TestEvents.Note("hello", tags: new NostrTag("t", "x"));
    private static readonly string V = Valid.ToString();
    private static readonly string I = Valid.Id.ToString();
    private static readonly EventJsonBuilder B = EventJsonBuilder.From(Valid);
    private static readonly string OtherId = new('0', 64);

    private static readonly NostrLimits Small = NostrLimits.Default with
    {
        MaxMessageLength = 2000,
        MaxEventTags = 2,
        MaxTagElements = 3,
        MaxIndexedTagValueLength = 4,
        MaxContentLength = 3,
        MaxEventSize = 400,
        MaxFiltersPerRequest = 2,
        MaxFilterListItems = 2,
        MaxSearchLength = 5,
        MaxSubscriptionIdLength = 8,
    };

    private static readonly EventJsonBuilder BadExpiration =
        EventJsonBuilder.WithComputedId(Valid.PubKey, TestEvents.Now, 1, "[[\"expiration\",\"soon\"]]", "\"x\"");

    private static readonly EventJsonBuilder EmptyExpiration =
        EventJsonBuilder.WithComputedId(Valid.PubKey, TestEvents.Now, 1, "[[\"expiration\"]]", "\"x\"");

    private static readonly List<Case> Cases =
    [
        // Not a message at all: nothing to address, NOTICE.
        new("empty input", "", NostrReplyKind.Notice, "invalid: malformed JSON"),
        new("not JSON", "EVENT please", NostrReplyKind.Notice, "invalid: malformed JSON"),
        new("object instead of array", "{}", NostrReplyKind.Notice, "invalid: message must be a JSON array"),
        new("string instead of array", "\"EVENT\"", NostrReplyKind.Notice, "invalid: message must be a JSON array"),
        new("empty array", "[]", NostrReplyKind.Notice, "invalid: message must start with its type as a string"),
        new("type not a string", "[1,2]", NostrReplyKind.Notice, "invalid: message must start with its type as a string"),
        new("unknown type", "[\"HELLO\",1]", NostrReplyKind.Notice, "unsupported: unknown message type \"HELLO\""),
        new("lowercase type", "[\"event\",{}]", NostrReplyKind.Notice, "unsupported: unknown message type \"event\""),
        new("deep nesting", "[\"EVENT\",{\"x\":" + new string('[', 20) + new string(']', 20) + "}]", NostrReplyKind.Notice, "invalid: malformed JSON"),
        new("comment", "[\"CLOSE\",\"s\"] // bye", NostrReplyKind.Notice, "invalid: malformed JSON", Sub: "s"),
        new("trailing comma", "[\"CLOSE\",\"s\",]", NostrReplyKind.Notice, "invalid: malformed JSON", Sub: "s"),
        new("two values", "[\"CLOSE\",\"s\"][]", NostrReplyKind.Notice, "invalid: malformed JSON", Sub: "s"),
        new("too large", "[\"NOTICE\",\"" + new string('x', 2000) + "\"]", NostrReplyKind.Notice, "invalid: message is larger than 2000 bytes", Limits: Small),

        // EVENT: OK false once an id is recovered, NOTICE before.
        new("EVENT without event", "[\"EVENT\"]", NostrReplyKind.Notice, "invalid: EVENT needs an event"),
        new("EVENT with a string", "[\"EVENT\",\"x\"]", NostrReplyKind.Notice, "invalid: event must be a JSON object"),
        new("EVENT with an array", "[\"EVENT\",[1]]", NostrReplyKind.Notice, "invalid: event must be a JSON object"),
        new("EVENT with two events", $"[\"EVENT\",{V},{V}]", NostrReplyKind.OkFalse, "invalid: EVENT takes exactly one event", I),
        new("EVENT with trailing garbage", $"[\"EVENT\",{V}] x", NostrReplyKind.OkFalse, "invalid: malformed JSON", I),
        new("syntax error inside the event after its id", $"[\"EVENT\",{V[..^1]},}}]", NostrReplyKind.OkFalse, "invalid: malformed JSON", I),
        new("truncated event", $"[\"EVENT\",{V[..^40]}", NostrReplyKind.OkFalse, "invalid: malformed JSON", I),
        new("uppercase id", Event(B.Set("id", $"\"{I.ToUpperInvariant()}\"")), NostrReplyKind.Notice, "invalid: id must be 64 lowercase hex characters"),
        new("id not a string", Event(B.Set("id", "1")), NostrReplyKind.Notice, "invalid: id must be 64 lowercase hex characters"),
        new("missing id", Event(B.Remove("id")), NostrReplyKind.Notice, "invalid: missing field \"id\""),
        new("id of another event", Event(B.Set("id", $"\"{OtherId}\"")), NostrReplyKind.OkFalse, "invalid: id does not match the sha256 of the serialized event", OtherId),
        new("tampered content", Event(B.Set("content", "\"hellO\"")), NostrReplyKind.OkFalse, "invalid: id does not match the sha256 of the serialized event", I),
        new("tampered tag", Event(B.Set("tags", "[[\"t\",\"y\"]]")), NostrReplyKind.OkFalse, "invalid: id does not match the sha256 of the serialized event", I),
        new("tampered created_at", Event(B.Set("created_at", (TestEvents.Now + 1).ToString())), NostrReplyKind.OkFalse, "invalid: id does not match the sha256 of the serialized event", I),
        new("pubkey not hex", Event(B.Set("pubkey", "\"npub1xyz\"")), NostrReplyKind.OkFalse, "invalid: pubkey must be 64 lowercase hex characters", I),
        new("pubkey null", Event(B.Set("pubkey", "null")), NostrReplyKind.OkFalse, "invalid: pubkey must be 64 lowercase hex characters", I),
        new("sig too short", Event(B.Set("sig", $"\"{Valid.Sig.ToString()[..127]}\"")), NostrReplyKind.OkFalse, "invalid: sig must be 128 lowercase hex characters", I),
        new("created_at as string", Event(B.Set("created_at", "\"1763700000\"")), NostrReplyKind.OkFalse, "invalid: created_at must be a non-negative integer", I),
        new("created_at with exponent", Event(B.Set("created_at", "1.7637e9")), NostrReplyKind.OkFalse, "invalid: created_at must be a non-negative integer", I),
        new("created_at 1e3", Event(B.Set("created_at", "1e3")), NostrReplyKind.OkFalse, "invalid: created_at must be a non-negative integer", I),
        new("created_at with fraction", Event(B.Set("created_at", "1763700000.0")), NostrReplyKind.OkFalse, "invalid: created_at must be a non-negative integer", I),
        new("created_at negative", Event(B.Set("created_at", "-1")), NostrReplyKind.OkFalse, "invalid: created_at must be a non-negative integer", I),
        new("created_at minus zero", Event(B.Set("created_at", "-0")), NostrReplyKind.OkFalse, "invalid: created_at must be a non-negative integer", I),
        new("created_at above 2^53-1", Event(B.Set("created_at", "9007199254740992")), NostrReplyKind.OkFalse, "invalid: created_at must not exceed 9007199254740991", I),
        new("created_at with 30 digits", Event(B.Set("created_at", new string('9', 30))), NostrReplyKind.OkFalse, "invalid: created_at must not exceed 9007199254740991", I),
        new("kind 65536", Event(B.Set("kind", "65536")), NostrReplyKind.OkFalse, "invalid: kind must be an integer between 0 and 65535", I),
        new("kind negative", Event(B.Set("kind", "-1")), NostrReplyKind.OkFalse, "invalid: kind must be an integer between 0 and 65535", I),
        new("kind as string", Event(B.Set("kind", "\"1\"")), NostrReplyKind.OkFalse, "invalid: kind must be an integer between 0 and 65535", I),
        new("kind fraction", Event(B.Set("kind", "1.5")), NostrReplyKind.OkFalse, "invalid: kind must be an integer between 0 and 65535", I),
        new("tags an object", Event(B.Set("tags", "{}")), NostrReplyKind.OkFalse, "invalid: tags must be an array", I),
        new("tags null", Event(B.Set("tags", "null")), NostrReplyKind.OkFalse, "invalid: tags must be an array", I),
        new("tag 0 not an array", Event(B.Set("tags", "[\"t\"]")), NostrReplyKind.OkFalse, "invalid: tag 0 is not an array of strings", I),
        new("tag 3 holds an object", Event(B.Set("tags", "[[\"a\"],[\"b\"],[\"c\"],[{\"x\":1}]]")), NostrReplyKind.OkFalse, "invalid: tag 3 is not an array of strings", I),
        new("tag 1 holds a number", Event(B.Set("tags", "[[\"e\"],[\"t\",1]]")), NostrReplyKind.OkFalse, "invalid: tag 1 is not an array of strings", I),
        new("tag holds null", Event(B.Set("tags", "[[\"t\",null]]")), NostrReplyKind.OkFalse, "invalid: tag 0 is not an array of strings", I),
        new("tag holds an array", Event(B.Set("tags", "[[\"t\",[\"x\"]]]")), NostrReplyKind.OkFalse, "invalid: tag 0 is not an array of strings", I),
        new("empty tag", Event(B.Set("tags", "[[\"t\",\"x\"],[]]")), NostrReplyKind.OkFalse, "invalid: tag 1 is empty", I),
        new("tag with a lone surrogate", Event(B.Set("tags", "[[\"t\",\"\\ud800\"]]")), NostrReplyKind.OkFalse, "invalid: tag 0 element 1 is not valid UTF-8 (or has an unpaired surrogate escape)", I),
        new("content a number", Event(B.Set("content", "5")), NostrReplyKind.OkFalse, "invalid: content must be a string", I),
        new("content with a lone high surrogate", Event(B.Set("content", "\"a\\ud800b\"")), NostrReplyKind.OkFalse, "invalid: content is not valid UTF-8 (or has an unpaired surrogate escape)", I),
        new("content with a lone low surrogate", Event(B.Set("content", "\"\\udc00\"")), NostrReplyKind.OkFalse, "invalid: content is not valid UTF-8 (or has an unpaired surrogate escape)", I),
        new("content with invalid UTF-8", () => Utf8Event(B.Set("content", "\"a\u0001b\"")).Select(b => b == 0x01 ? (byte)0xFF : b).ToArray(), NostrReplyKind.OkFalse, "invalid: content is not valid UTF-8 (or has an unpaired surrogate escape)", I),
        new("content with a raw control character", Event(B.Set("content", "\"a\u0001b\"")), NostrReplyKind.OkFalse, "invalid: malformed JSON", I),
        new("missing sig", Event(B.Remove("sig")), NostrReplyKind.OkFalse, "invalid: missing field \"sig\"", I),
        new("missing tags", Event(B.Remove("tags")), NostrReplyKind.OkFalse, "invalid: missing field \"tags\"", I),
        new("duplicate content key", Event(B.Add("content", "\"other\"")), NostrReplyKind.OkFalse, "invalid: duplicate key \"content\" in event", I),
        new("duplicate id key", Event(B.Add("id", $"\"{OtherId}\"")), NostrReplyKind.OkFalse, "invalid: duplicate key \"id\" in event", I),
        new("error before the id, id last", Event(B.Set("kind", "\"x\"").MoveToEnd("id")), NostrReplyKind.OkFalse, "invalid: kind must be an integer between 0 and 65535", I),
        new("nested error before the id, id last", Event(B.Set("tags", "[[\"a\",{\"deep\":[1,[2]]}],[3]]").MoveToEnd("id")), NostrReplyKind.OkFalse, "invalid: tag 0 is not an array of strings", I),
        new("unparseable expiration", Event(BadExpiration), NostrReplyKind.OkFalse, "invalid: expiration tag value must be a non-negative integer timestamp", BadExpiration.Id),
        new("expiration without value", Event(EmptyExpiration), NostrReplyKind.OkFalse, "invalid: expiration tag value must be a non-negative integer timestamp", EmptyExpiration.Id),
        new("too many tags", Event(B.Set("tags", "[[\"a\"],[\"b\"],[\"c\"]]")), NostrReplyKind.OkFalse, "invalid: more than 2 tags", I, Limits: Small),
        new("tag with too many elements", Event(B.Set("tags", "[[\"a\",\"1\",\"2\",\"3\"]]")), NostrReplyKind.OkFalse, "invalid: tag 0 has more than 3 elements", I, Limits: Small),
        new("indexed tag value too long", Event(B.Set("tags", "[[\"t\",\"12345\"]]")), NostrReplyKind.OkFalse, "invalid: tag 0 value is longer than 4 bytes", I, Limits: Small),
        new("content too long", Event(B.Set("content", "\"éééé\"")), NostrReplyKind.OkFalse, "invalid: content is longer than 3 characters", I, Limits: Small),
        new("event too large", Event(B.Set("tags", "[[\"alt\",\"" + new string('x', 200) + "\"]]")), NostrReplyKind.OkFalse, "invalid: event is larger than 400 bytes", I, Limits: Small with { MaxContentLength = 100 }),

        // AUTH (NIP-42) carries an event and is answered like EVENT.
        new("AUTH without event", "[\"AUTH\"]", NostrReplyKind.Notice, "invalid: AUTH needs an event"),
        new("AUTH with a challenge string", "[\"AUTH\",\"challenge\"]", NostrReplyKind.Notice, "invalid: AUTH from a client must carry a signed event"),
        new("AUTH with a bad event", "[\"AUTH\"," + B.Set("sig", "\"x\"") + "]", NostrReplyKind.OkFalse, "invalid: sig must be 128 lowercase hex characters", I),

        // REQ and COUNT: CLOSED once a subscription id is recovered.
        new("REQ without subscription id", "[\"REQ\"]", NostrReplyKind.Notice, "invalid: subscription id must be a string"),
        new("REQ with numeric subscription id", "[\"REQ\",1,{}]", NostrReplyKind.Notice, "invalid: subscription id must be a string"),
        new("REQ with empty subscription id", "[\"REQ\",\"\",{}]", NostrReplyKind.Closed, "invalid: subscription id must not be empty", Sub: ""),
        new("REQ with too long subscription id", "[\"REQ\",\"abcdefghi\",{}]", NostrReplyKind.Closed, "invalid: subscription id is longer than 8 characters", Sub: "abcdefghi", Limits: Small),
        new("REQ with 65-character subscription id", $"[\"REQ\",\"{new string('s', 65)}\",{{}}]", NostrReplyKind.Closed, "invalid: subscription id is longer than 64 characters", Sub: new string('s', 65)),
        new("REQ without filters", "[\"REQ\",\"s\"]", NostrReplyKind.Closed, "invalid: REQ needs at least one filter", Sub: "s"),
        new("REQ truncated", "[\"REQ\",\"s\",{}", NostrReplyKind.Closed, "invalid: malformed JSON", Sub: "s"),
        new("filter an array", "[\"REQ\",\"s\",[]]", NostrReplyKind.Closed, "invalid: filter 0 must be a JSON object", Sub: "s"),
        new("filter null", "[\"REQ\",\"s\",null]", NostrReplyKind.Closed, "invalid: filter 0 must be a JSON object", Sub: "s"),
        new("uppercase id in ids", Req($"{{\"ids\":[\"{I.ToUpperInvariant()}\"]}}"), NostrReplyKind.Closed, "invalid: filter 0: ids item 0 is not 64 lowercase hex characters", Sub: "s"),
        new("id prefix in ids", Req($"{{\"ids\":[\"{I[..10]}\"]}}"), NostrReplyKind.Closed, "invalid: filter 0: ids item 0 is not 64 lowercase hex characters", Sub: "s"),
        new("short author", Req($"{{\"authors\":[\"{I}\",\"abc\"]}}"), NostrReplyKind.Closed, "invalid: filter 0: authors item 1 is not 64 lowercase hex characters", Sub: "s"),
        new("ids not an array", Req($"{{\"ids\":\"{I}\"}}"), NostrReplyKind.Closed, "invalid: filter 0: ids must be an array", Sub: "s"),
        new("kind as string in kinds", Req("{\"kinds\":[\"1\"]}"), NostrReplyKind.Closed, "invalid: filter 0: kinds item 0 is not an integer between 0 and 65535", Sub: "s"),
        new("kind 70000 in kinds", Req("{\"kinds\":[1,70000]}"), NostrReplyKind.Closed, "invalid: filter 0: kinds item 1 is not an integer between 0 and 65535", Sub: "s"),
        new("kinds an object", Req("{\"kinds\":{}}"), NostrReplyKind.Closed, "invalid: filter 0: kinds must be an array", Sub: "s"),
        new("negative since", Req("{\"since\":-1}"), NostrReplyKind.Closed, "invalid: filter 0: since must be a non-negative integer no larger than 9007199254740991", Sub: "s"),
        new("fractional until", Req("{\"until\":1.5}"), NostrReplyKind.Closed, "invalid: filter 0: until must be a non-negative integer no larger than 9007199254740991", Sub: "s"),
        new("until null", Req("{\"until\":null}"), NostrReplyKind.Closed, "invalid: filter 0: until must be a non-negative integer no larger than 9007199254740991", Sub: "s"),
        new("limit as string", Req("{\"limit\":\"10\"}"), NostrReplyKind.Closed, "invalid: filter 0: limit must be a non-negative integer", Sub: "s"),
        new("negative limit", Req("{\"limit\":-1}"), NostrReplyKind.Closed, "invalid: filter 0: limit must be a non-negative integer", Sub: "s"),
        new("search a number", Req("{\"search\":5}"), NostrReplyKind.Closed, "invalid: filter 0: search must be a string", Sub: "s"),
        new("search too long", Req("{\"search\":\"abcdef\"}"), NostrReplyKind.Closed, "invalid: filter 0: search is longer than 5 characters", Sub: "s", Limits: Small),
        new("#e value not hex", Req("{\"#e\":[\"xyz\"]}"), NostrReplyKind.Closed, "invalid: filter 0: #e item 0 is not 64 lowercase hex characters", Sub: "s"),
        new("#p value uppercase", Req($"{{\"#p\":[\"{I.ToUpperInvariant()}\"]}}"), NostrReplyKind.Closed, "invalid: filter 0: #p item 0 is not 64 lowercase hex characters", Sub: "s"),
        new("#t value a number", Req("{\"#t\":[1]}"), NostrReplyKind.Closed, "invalid: filter 0: #t item 0 is not a string", Sub: "s"),
        new("#t not an array", Req("{\"#t\":\"x\"}"), NostrReplyKind.Closed, "invalid: filter 0: #t must be an array", Sub: "s"),
        new("#t value too long", Req("{\"#t\":[\"12345\"]}"), NostrReplyKind.Closed, "invalid: filter 0: #t item 0 is longer than 4 bytes", Sub: "s", Limits: Small),
        new("multi-letter tag filter", Req("{\"#emoji\":[\"x\"]}"), NostrReplyKind.Closed, "unsupported: filter 0: tag filter \"#emoji\" is not supported (only single letters a-z, A-Z are indexed)", Sub: "s"),
        new("digit tag filter", Req("{\"#1\":[\"x\"]}"), NostrReplyKind.Closed, "unsupported: filter 0: tag filter \"#1\" is not supported (only single letters a-z, A-Z are indexed)", Sub: "s"),
        new("unknown filter element", Req("{\"kinds\":[1],\"foo\":1}"), NostrReplyKind.Closed, "unsupported: filter 0: unknown element \"foo\"", Sub: "s"),
        new("duplicate filter key", Req("{\"kinds\":[1],\"kinds\":[2]}"), NostrReplyKind.Closed, "invalid: filter 0: duplicate key \"kinds\"", Sub: "s"),
        new("duplicate tag filter key", Req("{\"#t\":[\"a\"],\"#t\":[\"b\"]}"), NostrReplyKind.Closed, "invalid: filter 0: duplicate key \"#t\"", Sub: "s"),
        new("second filter invalid", "[\"REQ\",\"s\",{},{\"kinds\":\"x\"}]", NostrReplyKind.Closed, "invalid: filter 1: kinds must be an array", Sub: "s"),
        new("too many filters", "[\"REQ\",\"s\",{},{},{}]", NostrReplyKind.Closed, "invalid: more than 2 filters", Sub: "s", Limits: Small),
        new("too many ids", Req($"{{\"ids\":[\"{I}\",\"{I}\",\"{I}\"]}}"), NostrReplyKind.Closed, "invalid: filter 0: ids has more than 2 items", Sub: "s", Limits: Small),
        new("too many kinds", Req("{\"kinds\":[1,2,3]}"), NostrReplyKind.Closed, "invalid: filter 0: kinds has more than 2 items", Sub: "s", Limits: Small),
        new("COUNT without filters", "[\"COUNT\",\"c\"]", NostrReplyKind.Closed, "invalid: COUNT needs at least one filter", Sub: "c"),
        new("COUNT with unknown element", "[\"COUNT\",\"c\",{\"x\":1}]", NostrReplyKind.Closed, "unsupported: filter 0: unknown element \"x\"", Sub: "c"),

        // CLOSE: nothing to answer on, NOTICE.
        new("CLOSE without id", "[\"CLOSE\"]", NostrReplyKind.Notice, "invalid: subscription id must be a string"),
        new("CLOSE with numeric id", "[\"CLOSE\",1]", NostrReplyKind.Notice, "invalid: subscription id must be a string"),
        new("CLOSE with empty id", "[\"CLOSE\",\"\"]", NostrReplyKind.Notice, "invalid: subscription id must not be empty", Sub: ""),
        new("CLOSE with two ids", "[\"CLOSE\",\"s\",\"t\"]", NostrReplyKind.Notice, "invalid: CLOSE takes exactly one subscription id", Sub: "s"),

        // NIP-77: recognised and refused with NEG-ERR; NEG-CLOSE needs no answer.
        new("NEG-OPEN", "[\"NEG-OPEN\",\"n\",{\"kinds\":[1]},\"6100000200\"]", NostrReplyKind.NegErr, "unsupported: negentropy sync (NIP-77) is not supported by this relay", Sub: "n"),
        new("NEG-MSG", "[\"NEG-MSG\",\"n\",\"61\"]", NostrReplyKind.NegErr, "unsupported: negentropy sync (NIP-77) is not supported by this relay", Sub: "n"),
        new("NEG-CLOSE", "[\"NEG-CLOSE\",\"n\"]", NostrReplyKind.None, "unsupported: negentropy sync (NIP-77) is not supported by this relay", Sub: "n"),
        new("NEG-OPEN without id", "[\"NEG-OPEN\"]", NostrReplyKind.Notice, "unsupported: negentropy sync (NIP-77) is not supported by this relay"),
    ];

    public static TheoryData<string> CaseNames() => [.. Cases.Select(c => c.Name)];

    [Fact]
    public void Case_names_are_unique()
    {
        Assert.Equal(Cases.Count, Cases.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void TryParse_refuses_with_the_exact_reply(string name)
    {
        var c = Cases.Single(x => x.Name == name);
        var input = c.Build();

        Assert.False(ClientMessageParser.TryParse(input, c.Limits ?? NostrLimits.Default, out var message, out var error));
        Assert.Null(message);
        Assert.Equal(c.Reply, error.Reply);
        Assert.Equal(c.Message, error.Message);
        Assert.Equal(c.EventId, error.EventId?.ToString());
        Assert.Equal(c.Sub, error.SubscriptionId?.Value);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void WriteReply_sends_the_reply_the_error_deserves(string name)
    {
        var c = Cases.Single(x => x.Name == name);
        ClientMessageParser.TryParse(c.Build(), c.Limits ?? NostrLimits.Default, out _, out var error);
        var output = new ArrayBufferWriter<byte>();

        var written = RelayMessageWriter.WriteReply(output, error);

        Assert.Equal(c.Reply != NostrReplyKind.None, written);
        if (!written)
        {
            Assert.Equal(0, output.WrittenCount);
            return;
        }

        using var doc = JsonDocument.Parse(output.WrittenMemory);
        var reply = doc.RootElement.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText()).ToArray();
        string?[] expected = c.Reply switch
        {
            NostrReplyKind.OkFalse => ["OK", c.EventId, "false", c.Message],
            NostrReplyKind.Closed => ["CLOSED", c.Sub, c.Message],
            NostrReplyKind.NegErr => ["NEG-ERR", c.Sub, c.Message],
            _ => ["NOTICE", c.Message],
        };
        Assert.Equal(expected, reply);
    }

    private static string Event(EventJsonBuilder builder) => $"[\"EVENT\",{builder}]";

    private static byte[] Utf8Event(EventJsonBuilder builder) => Encoding.UTF8.GetBytes(Event(builder));

    private static string Req(string filter) => $"[\"REQ\",\"s\",{filter}]";

    private sealed record Case(
        string Name, Func<byte[]> Build, NostrReplyKind Reply, string Message, string? EventId = null, string? Sub = null, NostrLimits? Limits = null)
    {
        public Case(string name, string json, NostrReplyKind reply, string message, string? eventId = null, string? Sub = null, NostrLimits? Limits = null)
            : this(name, () => Encoding.UTF8.GetBytes(json), reply, message, eventId, Sub, Limits)
        {
        }
    }
}
