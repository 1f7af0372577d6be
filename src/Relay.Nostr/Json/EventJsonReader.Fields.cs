using System.Text;
using System.Text.Json;
using Relay.Nostr.Events;
using Relay.Nostr.Internal;
using Relay.Nostr.Messages;

namespace Relay.Nostr.Json;

internal static partial class EventJsonReader
{
    /// <summary>Single-character ASCII strings, so the names of <c>e</c>, <c>p</c>, <c>t</c> tags are not allocated per tag.</summary>
    private static readonly string[] AsciiCharStrings = CreateAsciiCharStrings();

    private static bool ReadId(ref Utf8JsonReader reader, scoped ref EventState state, ref EventId? recoveredId)
    {
        if (!TryReadEventId(ref reader, state.Temp, out var id))
        {
            state.Fail("id must be 64 lowercase hex characters");
            return false;
        }

        state.Id = id;
        recoveredId = id;
        return true;
    }

    private static bool ReadPubKey(ref Utf8JsonReader reader, scoped ref EventState state)
    {
        if (!TryReadString(ref reader, state.Temp, out var utf8) || !PublicKey.TryParse(utf8, out var pubKey))
        {
            state.Fail("pubkey must be 64 lowercase hex characters");
            return false;
        }

        state.PubKey = pubKey;
        return true;
    }

    private static bool ReadSig(ref Utf8JsonReader reader, scoped ref EventState state)
    {
        if (!TryReadString(ref reader, state.Temp, out var utf8) || !Signature.TryParse(utf8, out var sig))
        {
            state.Fail("sig must be 128 lowercase hex characters");
            return false;
        }

        state.Sig = sig;
        return true;
    }

    private static bool ReadCreatedAt(ref Utf8JsonReader reader, scoped ref EventState state)
    {
        long createdAt = 0;
        var status = reader.TokenType == JsonTokenType.Number
            ? JsonIntegers.TryParse(reader.ValueSpan, JsonIntegers.MaxSafeInteger, out createdAt)
            : IntegerStatus.NotNonNegativeInteger;
        switch (status)
        {
            case IntegerStatus.Ok:
                state.CreatedAt = createdAt;
                return true;
            case IntegerStatus.TooLarge:
                state.Fail($"created_at must not exceed {JsonIntegers.MaxSafeInteger}");
                return false;
            default:
                state.Fail("created_at must be a non-negative integer");
                return false;
        }
    }

    private static bool ReadKind(ref Utf8JsonReader reader, scoped ref EventState state)
    {
        if (reader.TokenType != JsonTokenType.Number
            || JsonIntegers.TryParse(reader.ValueSpan, Kinds.Max, out var kind) != IntegerStatus.Ok)
        {
            state.Fail($"kind must be an integer between {Kinds.Min} and {Kinds.Max}");
            return false;
        }

        state.Kind = (int)kind;
        return true;
    }

    private static bool ReadContent(ref Utf8JsonReader reader, NostrLimits limits, scoped ref EventState state)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            state.Fail("content must be a string");
            return false;
        }

        if (!JsonStringDecoder.TryDecode(reader.ValueSpan, reader.ValueIsEscaped, state.Temp, out var utf8))
        {
            state.Fail("content is not valid UTF-8 (or has an unpaired surrogate escape)");
            return false;
        }

        if (utf8.Length > limits.MaxContentLength && Utf8Text.CountCodePoints(utf8) > limits.MaxContentLength)
        {
            state.Fail($"content is longer than {limits.MaxContentLength} characters");
            return false;
        }

        state.ContentLength = NostrJsonEscaper.WriteQuoted(utf8, state.ContentJson);
        state.Content = Encoding.UTF8.GetString(utf8);
        return true;
    }

    /// <summary>
    /// Reads <c>tags</c>: an array of non-empty arrays of strings (NIP-01). Writes their canonical JSON as it
    /// goes and collects every element in one pooled list, so a 2,000-tag follow list costs one rental.
    /// </summary>
    private static bool ReadTags(ref Utf8JsonReader reader, NostrLimits limits, scoped ref EventState state)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            state.Fail("tags must be an array");
            return false;
        }

        var output = state.TagsJson;
        var w = 0;
        output[w++] = (byte)'[';
        var elements = new PooledList<string>();
        try
        {
            var tagIndex = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (tagIndex == limits.MaxEventTags)
                {
                    state.Fail($"more than {limits.MaxEventTags} tags");
                    return false;
                }

                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    state.Fail($"tag {tagIndex} is not an array of strings");
                    return false;
                }

                if (tagIndex > 0)
                {
                    output[w++] = (byte)',';
                }

                output[w++] = (byte)'[';
                if (!ReadTagElements(ref reader, limits, ref state, tagIndex, output, ref w, ref elements))
                {
                    return false;
                }

                output[w++] = (byte)']';
                state.Tags.Add(NostrTag.Wrap(elements.ToArray()));
                elements.Clear();
                tagIndex++;
            }

            output[w++] = (byte)']';
            state.TagsLength = w;
            return true;
        }
        finally
        {
            elements.Dispose();
        }
    }

    private static bool ReadTagElements(
        ref Utf8JsonReader reader, NostrLimits limits, scoped ref EventState state, int tagIndex, Span<byte> output, ref int w,
        ref PooledList<string> elements)
    {
        var elementIndex = 0;
        var singleLetterName = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                state.Fail($"tag {tagIndex} is not an array of strings");
                return false;
            }

            if (elementIndex == limits.MaxTagElements)
            {
                state.Fail($"tag {tagIndex} has more than {limits.MaxTagElements} elements");
                return false;
            }

            if (!JsonStringDecoder.TryDecode(reader.ValueSpan, reader.ValueIsEscaped, state.Temp, out var utf8))
            {
                state.Fail($"tag {tagIndex} element {elementIndex} is not valid UTF-8 (or has an unpaired surrogate escape)");
                return false;
            }

            if (elementIndex == 0)
            {
                singleLetterName = utf8.Length == 1 && char.IsAsciiLetter((char)utf8[0]);
            }
            else if (elementIndex == 1 && singleLetterName && utf8.Length > limits.MaxIndexedTagValueLength)
            {
                state.Fail($"tag {tagIndex} value is longer than {limits.MaxIndexedTagValueLength} bytes");
                return false;
            }

            if (elementIndex > 0)
            {
                output[w++] = (byte)',';
            }

            w += NostrJsonEscaper.WriteQuoted(utf8, output[w..]);
            elements.Add(utf8.Length == 1 && utf8[0] < 0x80 ? AsciiCharStrings[utf8[0]] : Encoding.UTF8.GetString(utf8));
            elementIndex++;
        }

        if (elementIndex == 0)
        {
            state.Fail($"tag {tagIndex} is empty");
            return false;
        }

        return true;
    }

    private static bool TryReadEventId(ref Utf8JsonReader reader, Span<byte> temp, out EventId id)
    {
        id = default;
        return TryReadString(ref reader, temp, out var utf8) && EventId.TryParse(utf8, out id);
    }

    /// <summary>Decodes the current token when it is a string; false for any other token or invalid text.</summary>
    private static bool TryReadString(ref Utf8JsonReader reader, Span<byte> temp, out ReadOnlySpan<byte> utf8)
    {
        utf8 = default;
        return reader.TokenType == JsonTokenType.String
            && JsonStringDecoder.TryDecode(reader.ValueSpan, reader.ValueIsEscaped, temp, out utf8);
    }

    private static string[] CreateAsciiCharStrings()
    {
        var strings = new string[128];
        for (var c = 0; c < strings.Length; c++)
        {
            strings[c] = ((char)c).ToString();
        }

        return strings;
    }

    /// <summary>Everything read so far from one event object; scratch regions belong to the caller.</summary>
    private ref struct EventState
    {
        public EventState(Span<byte> tagsJson, Span<byte> contentJson, Span<byte> temp)
        {
            TagsJson = tagsJson;
            ContentJson = contentJson;
            Temp = temp;
        }

        public readonly Span<byte> TagsJson;
        public readonly Span<byte> ContentJson;
        public readonly Span<byte> Temp;
        public int TagsLength;
        public int ContentLength;
        public int Seen;
        public EventId Id;
        public PublicKey PubKey;
        public Signature Sig;
        public long CreatedAt;
        public int Kind;
        public string? Content;
        public PooledList<NostrTag> Tags;
        public string? Detail;
        public ClientErrorReason Reason;

        /// <summary>Records the first error only: later ones are consequences.</summary>
        public void Fail(string detail, ClientErrorReason reason = ClientErrorReason.InvalidEvent)
        {
            if (Detail is null)
            {
                Detail = detail;
                Reason = reason;
            }
        }

        public void Dispose() => Tags.Dispose();
    }
}
