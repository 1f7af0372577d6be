using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Relay.Nostr.Events;
using Relay.Nostr.Messages;

namespace Relay.Nostr.Json;

/// <summary>
/// Reads one event object straight from a <see cref="Utf8JsonReader"/>, validating it while it writes the
/// canonical tags and content (NIP-01 escaping) into scratch space; then builds the stored form and checks
/// the id. No DOM, and besides the event itself (its strings, tag arrays and canonical bytes) nothing is
/// allocated.
/// </summary>
/// <remarks>
/// Choices where NIP-01 is silent, each the strictest reading that real clients satisfy:
/// duplicate keys are refused (a second <c>content</c> could make two parsers see two events); unknown
/// keys are skipped and not stored; <c>created_at</c> and <c>kind</c> are plain digits only (see
/// <see cref="JsonIntegers"/>). After the first error the reader keeps scanning the object only to recover
/// the <c>id</c>, so the client gets <c>OK false</c> for it even when <c>id</c> comes after the fault.
/// </remarks>
internal static partial class EventJsonReader
{
    private const int IdField = 1;
    private const int PubKeyField = 2;
    private const int CreatedAtField = 4;
    private const int KindField = 8;
    private const int TagsField = 16;
    private const int ContentField = 32;
    private const int SigField = 64;
    private const int AllFields = 127;

    /// <summary>
    /// Reads the event whose first token (expected: <c>{</c>) the reader is on, and leaves the reader on the
    /// token that ends it. Throws <see cref="JsonException"/> only for JSON syntax errors, which the caller
    /// turns into an error value.
    /// </summary>
    /// <param name="reader">Positioned on the event's first token.</param>
    /// <param name="inputLength">Length of the whole message: bounds every scratch region.</param>
    /// <param name="limits">Limits to enforce.</param>
    /// <param name="recoveredId">Set to the <c>id</c> field's value as soon as it parses, even if the event fails.</param>
    /// <param name="nostrEvent">The event when valid.</param>
    /// <param name="reason">Why it is not, when invalid.</param>
    /// <param name="detail">Specific text, without the <c>invalid: </c> prefix, when invalid.</param>
    public static bool TryRead(
        ref Utf8JsonReader reader, int inputLength, NostrLimits limits, ref EventId? recoveredId,
        [NotNullWhen(true)] out NostrEvent? nostrEvent, out ClientErrorReason reason, [NotNullWhen(false)] out string? detail)
    {
        nostrEvent = null;
        reason = ClientErrorReason.InvalidEvent;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            detail = "event must be a JSON object";
            return false;
        }

        // Three regions, each as long as the message: canonical tags, canonical content, and unescaping
        // space for one string. Canonical strings are never longer than their input (see NostrJsonEscaper).
        // Heap memory, not stackalloc: the regions travel next to the caller's reader.
        var regionLength = inputLength + 4;
        var scratch = ScratchBuffer.Rent(regionLength * 3);
        var state = new EventState(
            scratch.AsSpan(0, regionLength), scratch.AsSpan(regionLength, regionLength), scratch.AsSpan(2 * regionLength, regionLength));
        try
        {
            ReadFields(ref reader, limits, ref state, ref recoveredId);
            if (state.Detail is null)
            {
                CheckComplete(ref state);
            }

            if (state.Detail is null)
            {
                nostrEvent = Build(ref state, limits);
            }

            reason = state.Reason;
            detail = state.Detail;
            return nostrEvent is not null;
        }
        finally
        {
            state.Dispose();
            ScratchBuffer.Return(scratch);
        }
    }

    private static void ReadFields(ref Utf8JsonReader reader, NostrLimits limits, scoped ref EventState state, ref EventId? recoveredId)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = IdentifyField(ref reader);
            reader.Read();
            var depth = reader.CurrentDepth;
            var isContainer = reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject;

            if (state.Detail is not null)
            {
                // Recovery: only the id is still of interest.
                if (field == IdField && recoveredId is null && TryReadEventId(ref reader, state.Temp, out var id))
                {
                    recoveredId = id;
                }

                SkipRemainder(ref reader, depth, isContainer);
                continue;
            }

            if (field != 0 && (state.Seen & field) != 0)
            {
                state.Fail($"duplicate key \"{FieldName(field)}\" in event");
                SkipRemainder(ref reader, depth, isContainer);
                continue;
            }

            state.Seen |= field;
            var ok = field switch
            {
                IdField => ReadId(ref reader, ref state, ref recoveredId),
                PubKeyField => ReadPubKey(ref reader, ref state),
                CreatedAtField => ReadCreatedAt(ref reader, ref state),
                KindField => ReadKind(ref reader, ref state),
                TagsField => ReadTags(ref reader, limits, ref state),
                ContentField => ReadContent(ref reader, limits, ref state),
                SigField => ReadSig(ref reader, ref state),
                _ => SkipUnknown(ref reader),
            };

            if (!ok)
            {
                SkipRemainder(ref reader, depth, isContainer);
            }
        }
    }

    private static void CheckComplete(scoped ref EventState state)
    {
        if (state.Seen == AllFields)
        {
            return;
        }

        // Report the first missing field in NIP-01's order.
        for (var field = IdField; field <= SigField; field <<= 1)
        {
            if ((state.Seen & field) == 0)
            {
                state.Fail($"missing field \"{FieldName(field)}\"");
                return;
            }
        }
    }

    private static NostrEvent? Build(scoped ref EventState state, NostrLimits limits)
    {
        var tagsJson = state.TagsJson[..state.TagsLength];
        var contentJson = state.ContentJson[..state.ContentLength];
        var length = CanonicalEventJson.GetLength(state.CreatedAt, state.Kind, tagsJson.Length, contentJson.Length);
        if (length > limits.MaxEventSize)
        {
            state.Fail($"event is larger than {limits.MaxEventSize} bytes");
            return null;
        }

        // NIP-01: the id is recomputed from the parsed values, never trusted; this comes before the
        // signature so a duplicate can be recognised before paying for verification.
        var computed = CanonicalEventJson.ComputeId(state.PubKey, state.CreatedAt, state.Kind, tagsJson, contentJson);
        if (computed != state.Id)
        {
            state.Fail("id does not match the sha256 of the serialized event", ClientErrorReason.EventIdMismatch);
            return null;
        }

        var tags = state.Tags.ToArray();
        var facts = TagFacts.Scan(tags);
        if (!facts.ExpirationValid)
        {
            state.Fail("expiration tag value must be a non-negative integer timestamp");
            return null;
        }

        var json = new byte[length];
        CanonicalEventJson.Write(json, state.Id, state.PubKey, state.CreatedAt, state.Kind, tagsJson, contentJson, state.Sig);
        return new NostrEvent(state.Id, state.PubKey, state.CreatedAt, state.Kind, tags, state.Content!, state.Sig, json, facts);
    }

    private static int IdentifyField(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? IdentifyEscapedField(reader.ValueSpan) : IdentifyField(reader.ValueSpan);

    /// <summary>A key spelled with escapes (<c>"\u0069d"</c>) is still that key; anything long is unknown anyway.</summary>
    private static int IdentifyEscapedField(ReadOnlySpan<byte> raw)
    {
        Span<byte> unescaped = stackalloc byte[16];
        return raw.Length <= unescaped.Length && JsonStringDecoder.TryDecode(raw, true, unescaped, out var name)
            ? IdentifyField(name)
            : 0;
    }

    private static int IdentifyField(ReadOnlySpan<byte> name)
    {
        // Dispatch on length first: one comparison per key instead of up to seven.
        return name.Length switch
        {
            2 when name.SequenceEqual("id"u8) => IdField,
            3 when name.SequenceEqual("sig"u8) => SigField,
            4 when name.SequenceEqual("kind"u8) => KindField,
            4 when name.SequenceEqual("tags"u8) => TagsField,
            6 when name.SequenceEqual("pubkey"u8) => PubKeyField,
            7 when name.SequenceEqual("content"u8) => ContentField,
            10 when name.SequenceEqual("created_at"u8) => CreatedAtField,
            _ => 0,
        };
    }

    private static string FieldName(int field) => field switch
    {
        IdField => "id",
        PubKeyField => "pubkey",
        CreatedAtField => "created_at",
        KindField => "kind",
        TagsField => "tags",
        ContentField => "content",
        _ => "sig",
    };

    /// <summary>Moves past whatever remains of a value that failed, so the object loop can go on.</summary>
    private static void SkipRemainder(ref Utf8JsonReader reader, int depth, bool isContainer)
    {
        if (!isContainer)
        {
            return;
        }

        // Start and end tokens of a container share its depth; everything inside is deeper.
        while (!(reader.TokenType is JsonTokenType.EndArray or JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            reader.Read();
        }
    }

    private static bool SkipUnknown(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return true;
    }
}
