using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Relay.Nostr.Events;
using Relay.Nostr.Messages;
using Relay.Nostr.Tests.Support;

namespace Relay.Nostr.Tests.Properties;

/// <summary>Randomised properties of the parser (FsCheck; FsCheck.Xunit is not available, so each runs inside a fact).</summary>
public class ParserPropertyTests
{
    [Fact]
    public void TryParse_never_throws_on_arbitrary_bytes()
    {
        var property = Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes => CheckRefusalIsWellFormed(bytes));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), property);
    }

    [Fact]
    public void TryParse_never_throws_on_damaged_valid_messages_and_every_refusal_is_addressable()
    {
        var property = Prop.ForAll(Generators.DamagedMessages, bytes => CheckRefusalIsWellFormed(bytes));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(5000), property);
    }

    [Fact]
    public void Valid_events_round_trip_with_a_stable_id_that_an_independent_serialiser_agrees_with()
    {
        var property = Prop.ForAll(Generators.Events, e =>
        {
            Assert.Equal(NaiveNip01.Id(e), e.Id.ToString());

            Assert.True(NostrEvent.TryParse(e.Json.Span, NostrLimits.Default, out var parsed, out var error), error);
            Assert.Equal(e.Json.ToArray(), parsed.Json.ToArray());
            Assert.Equal(e.Id, parsed.Id);
            Assert.Equal(e.Content, parsed.Content);
            Assert.Equal(e.Tags.Select(t => t.Values.ToArray()), parsed.Tags.Select(t => t.Values.ToArray()));
            Assert.True(parsed.VerifySignature(NativeBackend.Required));

            // The same event written with every escape System.Text.Json knows parses to the same bytes.
            var escaped = ReEncode(e.Json.Span);
            Assert.True(NostrEvent.TryParse(escaped, NostrLimits.Default, out var fromEscaped, out error), error);
            Assert.Equal(e.Json.ToArray(), fromEscaped.Json.ToArray());

            var message = Encoding.UTF8.GetBytes($"[\"EVENT\",{e}]");
            Assert.True(ClientMessageParser.TryParse(message, NostrLimits.Default, out var parsedMessage, out var parseError), parseError.Message);
            Assert.Equal(e.Id, Assert.IsType<EventMessage>(parsedMessage).Event.Id);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    /// <summary>No exception, and a refusal always carries what its reply needs.</summary>
    private static void CheckRefusalIsWellFormed(byte[] bytes)
    {
        if (ClientMessageParser.TryParse(bytes, NostrLimits.Default, out var message, out var error))
        {
            Assert.NotNull(message);
            if (message is EventMessage { Event: var e })
            {
                // Whatever was accepted is stored in a form that parses back to itself.
                Assert.True(NostrEvent.TryParse(e.Json.Span, NostrLimits.Default, out var again, out _));
                Assert.Equal(e.Json.ToArray(), again.Json.ToArray());
            }

            return;
        }

        Assert.True(error.Message.StartsWith("invalid: ", StringComparison.Ordinal) || error.Message.StartsWith("unsupported: ", StringComparison.Ordinal), error.Message);
        switch (error.Reply)
        {
            case NostrReplyKind.OkFalse:
                Assert.NotNull(error.EventId);
                break;
            case NostrReplyKind.Closed or NostrReplyKind.NegErr:
                Assert.NotNull(error.SubscriptionId);
                break;
        }
    }

    private static byte[] ReEncode(ReadOnlySpan<byte> json)
    {
        using var doc = JsonDocument.Parse(json.ToArray());
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.Default, Indented = true }))
        {
            doc.WriteTo(writer);
        }

        return stream.ToArray();
    }
}
