using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using Relay.Nostr.Events;
using Relay.Nostr.Json;

namespace Relay.Nostr.Messages;

/// <summary>
/// Parses one client message (a whole WebSocket text message) straight from its UTF-8 bytes with
/// <see cref="Utf8JsonReader"/>: no DOM, no copies of the input. Every refusal is a
/// <see cref="ClientMessageError"/> that says which reply it deserves; nothing a peer sends makes this throw.
/// </summary>
/// <remarks>
/// Stateless and thread-safe. <see cref="Utf8JsonReader"/> reports JSON syntax errors only by throwing
/// <see cref="JsonException"/>; that exception is caught here, in one place, and becomes
/// <see cref="ClientErrorReason.MalformedJson"/> carrying whatever event or subscription id was recovered
/// before the fault.
/// </remarks>
public static partial class ClientMessageParser
{
    /// <summary>Longest client-chosen message type echoed back in an error.</summary>
    private const int MaxEchoedVerbLength = 32;

    /// <summary>Parses a client message.</summary>
    /// <param name="utf8">The message, UTF-8 JSON.</param>
    /// <param name="limits">Limits to enforce.</param>
    /// <param name="message">The message when valid.</param>
    /// <param name="error">Why not, and the reply due, when invalid.</param>
    /// <returns>True for a valid message; false with <paramref name="error"/> set.</returns>
    public static bool TryParse(
        ReadOnlySpan<byte> utf8, NostrLimits limits, [NotNullWhen(true)] out ClientMessage? message, out ClientMessageError error)
    {
        ArgumentNullException.ThrowIfNull(limits);
        message = null;
        error = default;
        if (utf8.Length > limits.MaxMessageLength)
        {
            error = new ClientMessageError(ClientVerb.Unknown, ClientErrorReason.MessageTooLarge, $"message is larger than {limits.MaxMessageLength} bytes");
            return false;
        }

        var context = new ParseContext(utf8.Length, limits);
        try
        {
            var reader = new Utf8JsonReader(utf8, ClientJson.ReaderOptions);
            message = ParseArray(ref reader, ref context);
            if (message is not null && reader.Read())
            {
                // Unreachable in practice: Utf8JsonReader throws on anything after the root value.
                context.Fail(ClientErrorReason.MalformedJson, "trailing data after the message");
                message = null;
            }
        }
        catch (JsonException)
        {
            message = null;
            context.Fail(ClientErrorReason.MalformedJson, "malformed JSON");
        }

        if (message is null)
        {
            error = context.ToError();
            return false;
        }

        return true;
    }

    private static ClientMessage? ParseArray(ref Utf8JsonReader reader, ref ParseContext context)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            context.Fail(ClientErrorReason.NotAMessageArray, "message must be a JSON array");
            return null;
        }

        if (!reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            context.Fail(ClientErrorReason.NotAMessageArray, "message must start with its type as a string");
            return null;
        }

        context.Verb = IdentifyVerb(ref reader, out var unknownVerb);
        return context.Verb switch
        {
            ClientVerb.Event or ClientVerb.Auth => ParseEventCarrier(ref reader, ref context),
            ClientVerb.Req or ClientVerb.Count => ParseRequest(ref reader, ref context),
            ClientVerb.Close => ParseClose(ref reader, ref context),
            ClientVerb.NegOpen or ClientVerb.NegMsg or ClientVerb.NegClose => RefuseNegentropy(ref reader, ref context),
            _ => context.Fail(ClientErrorReason.UnknownVerb, $"unknown message type \"{unknownVerb}\""),
        };
    }

    /// <summary><c>["EVENT", event]</c> and <c>["AUTH", event]</c>.</summary>
    private static ClientMessage? ParseEventCarrier(ref Utf8JsonReader reader, ref ParseContext context)
    {
        var verbName = context.Verb == ClientVerb.Event ? "EVENT" : "AUTH";
        if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
        {
            return context.Fail(ClientErrorReason.InvalidArguments, $"{verbName} needs an event");
        }

        if (context.Verb == ClientVerb.Auth && reader.TokenType == JsonTokenType.String)
        {
            // ["AUTH", "<challenge>"] is the relay's message (NIP-42); a client answers with an event.
            return context.Fail(ClientErrorReason.InvalidArguments, "AUTH from a client must carry a signed event");
        }

        // The recovered id lands in the context at once, so a syntax error further on still gets OK false.
        var ok = EventJsonReader.TryRead(
            ref reader, context.InputLength, context.Limits, ref context.EventId, out var nostrEvent, out var reason, out var detail);
        if (!ok)
        {
            return context.Fail(reason, detail!);
        }

        if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
        {
            return context.Fail(ClientErrorReason.InvalidArguments, $"{verbName} takes exactly one event");
        }

        return context.Verb == ClientVerb.Event ? new EventMessage(nostrEvent!) : new AuthMessage(nostrEvent!);
    }

    /// <summary><c>["CLOSE", sub]</c>.</summary>
    private static ClientMessage? ParseClose(ref Utf8JsonReader reader, ref ParseContext context)
    {
        if (!TryReadSubscriptionId(ref reader, ref context, out var subscriptionId))
        {
            return null;
        }

        if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
        {
            return context.Fail(ClientErrorReason.InvalidArguments, "CLOSE takes exactly one subscription id");
        }

        return new CloseMessage(subscriptionId);
    }

    /// <summary>
    /// NIP-77 <c>NEG-OPEN</c>/<c>NEG-MSG</c>/<c>NEG-CLOSE</c>: recognised and refused, with the subscription id
    /// recovered so the refusal can be NIP-77's <c>NEG-ERR</c> (none is due for <c>NEG-CLOSE</c>).
    /// </summary>
    private static ClientMessage? RefuseNegentropy(ref Utf8JsonReader reader, ref ParseContext context)
    {
        if (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            var decoded = JsonStringDecoder.TryDecode(reader.ValueSpan, reader.ValueIsEscaped, out var utf8, out var rented);
            if (decoded)
            {
                context.SubscriptionId = SubscriptionId.FromValidUtf8(utf8);
            }

            ReturnRented(rented);
        }

        return context.Fail(ClientErrorReason.UnsupportedVerb, "negentropy sync (NIP-77) is not supported by this relay");
    }

    private static ClientVerb IdentifyVerb(ref Utf8JsonReader reader, out string unknownVerb)
    {
        unknownVerb = "";
        if (!JsonStringDecoder.TryDecode(reader.ValueSpan, reader.ValueIsEscaped, out var utf8, out var rented))
        {
            unknownVerb = "(invalid UTF-8)";
            return ClientVerb.Unknown;
        }

        try
        {
            var verb = utf8 switch
            {
                _ when utf8.SequenceEqual("EVENT"u8) => ClientVerb.Event,
                _ when utf8.SequenceEqual("REQ"u8) => ClientVerb.Req,
                _ when utf8.SequenceEqual("CLOSE"u8) => ClientVerb.Close,
                _ when utf8.SequenceEqual("COUNT"u8) => ClientVerb.Count,
                _ when utf8.SequenceEqual("AUTH"u8) => ClientVerb.Auth,
                _ when utf8.SequenceEqual("NEG-OPEN"u8) => ClientVerb.NegOpen,
                _ when utf8.SequenceEqual("NEG-MSG"u8) => ClientVerb.NegMsg,
                _ when utf8.SequenceEqual("NEG-CLOSE"u8) => ClientVerb.NegClose,
                _ => ClientVerb.Unknown,
            };

            if (verb == ClientVerb.Unknown)
            {
                var text = Encoding.UTF8.GetString(utf8);
                unknownVerb = text.Length <= MaxEchoedVerbLength ? text : string.Concat(text.AsSpan(0, MaxEchoedVerbLength), "…");
            }

            return verb;
        }
        finally
        {
            ReturnRented(rented);
        }
    }

    private static void ReturnRented(byte[]? rented)
    {
        if (rented is not null)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>What is known about the message so far: enough to address the reply if it fails.</summary>
    private struct ParseContext(int inputLength, NostrLimits limits)
    {
        public readonly int InputLength = inputLength;
        public readonly NostrLimits Limits = limits;
        public ClientVerb Verb;
        public EventId? EventId;
        public SubscriptionId? SubscriptionId;
        private ClientErrorReason _reason;
        private string? _detail;

        /// <summary>Records the first failure; returns null so callers can <c>return context.Fail(...)</c>.</summary>
        public ClientMessage? Fail(ClientErrorReason reason, string detail)
        {
            if (_detail is null)
            {
                _reason = reason;
                _detail = detail;
            }

            return null;
        }

        public readonly ClientMessageError ToError() =>
            new(Verb, _reason, _detail ?? "malformed JSON", EventId, SubscriptionId);
    }
}
