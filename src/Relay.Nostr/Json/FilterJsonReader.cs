using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using Relay.Nostr.Events;
using Relay.Nostr.Filters;
using Relay.Nostr.Messages;

namespace Relay.Nostr.Json;

/// <summary>
/// Reads one filter object (NIP-01, NIP-50) from a <see cref="Utf8JsonReader"/>. Choices where NIP-01 is
/// silent: duplicate keys are refused; keys the relay does not know (including <c>#</c> keys that are not a
/// single ASCII letter) are refused with <c>unsupported:</c>, NIP-01's own example of a CLOSED reason,
/// because ignoring a condition would send the client events it did not ask for; <c>since</c>,
/// <c>until</c> and <c>limit</c> are plain non-negative integers; a <c>limit</c> above the maximum is
/// clamped silently (NIP-11 <c>max_limit</c>); <c>#e</c> and <c>#p</c> values must be 64 lowercase hex
/// characters, like <c>ids</c> and <c>authors</c> (NIP-01 MUST).
/// </summary>
internal static class FilterJsonReader
{
    /// <summary>Reads the filter whose <c>{</c> the reader is on; leaves the reader on its <c>}</c> when valid.</summary>
    /// <param name="reader">Positioned on the filter's first token.</param>
    /// <param name="limits">Limits to enforce.</param>
    /// <param name="index">Position of the filter in the request, for messages (zero-based).</param>
    /// <param name="filter">The filter when valid.</param>
    /// <param name="reason"><see cref="ClientErrorReason.InvalidFilter"/> or <see cref="ClientErrorReason.UnsupportedFilter"/>.</param>
    /// <param name="detail">Text without prefix when not valid.</param>
    public static bool TryRead(
        ref Utf8JsonReader reader, NostrLimits limits, int index, [NotNullWhen(true)] out NostrFilter? filter,
        out ClientErrorReason reason, [NotNullWhen(false)] out string? detail)
    {
        filter = null;
        reason = ClientErrorReason.InvalidFilter;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            detail = $"filter {index} must be a JSON object";
            return false;
        }

        var fields = default(FilterFields);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!TryDecodeKey(ref reader, out var key))
            {
                detail = $"filter {index}: a key is not valid UTF-8";
                return false;
            }

            reader.Read();
            detail = ReadField(ref reader, limits, key, ref fields, out reason);
            if (detail is not null)
            {
                detail = $"filter {index}: {detail}";
                return false;
            }
        }

        filter = new NostrFilter
        {
            Ids = fields.Ids,
            Authors = fields.Authors,
            Kinds = fields.Kinds,
            Tags = fields.Tags?.ToImmutable() ?? [],
            Since = fields.Since,
            Until = fields.Until,
            Limit = fields.Limit,
            Search = fields.Search,
        };
        detail = null;
        return true;
    }

    /// <returns>Null when the field was read, else the error text.</returns>
    private static string? ReadField(
        ref Utf8JsonReader reader, NostrLimits limits, string key, ref FilterFields fields, out ClientErrorReason reason)
    {
        reason = ClientErrorReason.InvalidFilter;
        if (!fields.MarkSeen(key))
        {
            return $"duplicate key \"{key}\"";
        }

        switch (key)
        {
            case "ids":
                return ReadHexList(ref reader, limits, key, out fields.Ids, static bytes => (EventId.TryParse(bytes, out var id), id));
            case "authors":
                return ReadHexList(ref reader, limits, key, out fields.Authors, static bytes => (PublicKey.TryParse(bytes, out var pk), pk));
            case "kinds":
                return ReadKinds(ref reader, limits, out fields.Kinds);
            case "since":
                return ReadTimestamp(ref reader, key, out fields.Since);
            case "until":
                return ReadTimestamp(ref reader, key, out fields.Until);
            case "limit":
                return ReadLimit(ref reader, limits, out fields.Limit);
            case "search":
                return ReadSearch(ref reader, limits, out fields.Search);
            case ['#', var letter] when char.IsAsciiLetter(letter):
                var error = ReadTagValues(ref reader, limits, key, out var values);
                (fields.Tags ??= ImmutableArray.CreateBuilder<TagFilter>()).Add(new TagFilter(letter, values));
                return error;
            case ['#', ..]:
                reason = ClientErrorReason.UnsupportedFilter;
                return $"tag filter \"{Truncate(key)}\" is not supported (only single letters a-z, A-Z are indexed)";
            default:
                reason = ClientErrorReason.UnsupportedFilter;
                return $"unknown element \"{Truncate(key)}\"";
        }
    }

    private static string? ReadHexList<T>(
        ref Utf8JsonReader reader, NostrLimits limits, string key, out ImmutableArray<T>? values, Func<ReadOnlySpan<byte>, (bool, T)> parse)
    {
        values = null;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return $"{key} must be an array";
        }

        var builder = ImmutableArray.CreateBuilder<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (builder.Count == limits.MaxFilterListItems)
            {
                return $"{key} has more than {limits.MaxFilterListItems} items";
            }

            var ok = false;
            var value = default(T);
            if (reader.TokenType == JsonTokenType.String)
            {
                var decoded = JsonStringDecoder.TryDecode(reader.ValueSpan, reader.ValueIsEscaped, out var utf8, out var rented);
                try
                {
                    (ok, value) = decoded ? parse(utf8) : (false, default!);
                }
                finally
                {
                    ReturnRented(rented);
                }
            }

            if (!ok)
            {
                return $"{key} item {builder.Count} is not 64 lowercase hex characters";
            }

            builder.Add(value!);
        }

        values = builder.DrainToImmutable();
        return null;
    }

    private static string? ReadKinds(ref Utf8JsonReader reader, NostrLimits limits, out ImmutableArray<int>? kinds)
    {
        kinds = null;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return "kinds must be an array";
        }

        var builder = ImmutableArray.CreateBuilder<int>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (builder.Count == limits.MaxFilterListItems)
            {
                return $"kinds has more than {limits.MaxFilterListItems} items";
            }

            if (reader.TokenType != JsonTokenType.Number
                || JsonIntegers.TryParse(reader.ValueSpan, Kinds.Max, out var kind) != IntegerStatus.Ok)
            {
                return $"kinds item {builder.Count} is not an integer between {Kinds.Min} and {Kinds.Max}";
            }

            builder.Add((int)kind);
        }

        kinds = builder.DrainToImmutable();
        return null;
    }

    private static string? ReadTagValues(ref Utf8JsonReader reader, NostrLimits limits, string key, out ImmutableArray<string> values)
    {
        values = [];
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return $"{key} must be an array";
        }

        // NIP-01: "The ids, authors, #e and #p filter lists MUST contain exact 64-character lowercase hex values."
        var hexOnly = key is "#e" or "#p";
        var builder = ImmutableArray.CreateBuilder<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (builder.Count == limits.MaxFilterListItems)
            {
                return $"{key} has more than {limits.MaxFilterListItems} items";
            }

            if (reader.TokenType != JsonTokenType.String)
            {
                return $"{key} item {builder.Count} is not a string";
            }

            var decoded = JsonStringDecoder.TryDecode(reader.ValueSpan, reader.ValueIsEscaped, out var utf8, out var rented);
            try
            {
                if (!decoded)
                {
                    return $"{key} item {builder.Count} is not valid UTF-8";
                }

                if (hexOnly && !EventId.TryParse(utf8, out _))
                {
                    return $"{key} item {builder.Count} is not 64 lowercase hex characters";
                }

                // Longer values are never indexed (events with them are refused), so they could never match.
                if (utf8.Length > limits.MaxIndexedTagValueLength)
                {
                    return $"{key} item {builder.Count} is longer than {limits.MaxIndexedTagValueLength} bytes";
                }

                builder.Add(Encoding.UTF8.GetString(utf8));
            }
            finally
            {
                ReturnRented(rented);
            }
        }

        values = builder.DrainToImmutable();
        return null;
    }

    private static string? ReadTimestamp(ref Utf8JsonReader reader, string key, out long? value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.Number
            || JsonIntegers.TryParse(reader.ValueSpan, JsonIntegers.MaxSafeInteger, out var parsed) != IntegerStatus.Ok)
        {
            return $"{key} must be a non-negative integer no larger than {JsonIntegers.MaxSafeInteger}";
        }

        value = parsed;
        return null;
    }

    private static string? ReadLimit(ref Utf8JsonReader reader, NostrLimits limits, out int? value)
    {
        value = null;
        long parsed = 0;
        var status = reader.TokenType == JsonTokenType.Number
            ? JsonIntegers.TryParse(reader.ValueSpan, long.MaxValue, out parsed)
            : IntegerStatus.NotNonNegativeInteger;
        if (status == IntegerStatus.NotNonNegativeInteger)
        {
            return "limit must be a non-negative integer";
        }

        // NIP-11 max_limit: "the relay server will clamp each filter's limit value to this number".
        value = status == IntegerStatus.TooLarge ? limits.MaxLimit : (int)Math.Min(parsed, limits.MaxLimit);
        return null;
    }

    private static string? ReadSearch(ref Utf8JsonReader reader, NostrLimits limits, out string? search)
    {
        search = null;
        if (reader.TokenType != JsonTokenType.String)
        {
            return "search must be a string";
        }

        var decoded = JsonStringDecoder.TryDecode(reader.ValueSpan, reader.ValueIsEscaped, out var utf8, out var rented);
        try
        {
            if (!decoded)
            {
                return "search is not valid UTF-8";
            }

            if (Utf8Text.CountCodePoints(utf8) > limits.MaxSearchLength)
            {
                return $"search is longer than {limits.MaxSearchLength} characters";
            }

            search = Encoding.UTF8.GetString(utf8);
            return null;
        }
        finally
        {
            ReturnRented(rented);
        }
    }

    private static bool TryDecodeKey(ref Utf8JsonReader reader, [NotNullWhen(true)] out string? key)
    {
        var decoded = JsonStringDecoder.TryDecode(reader.ValueSpan, reader.ValueIsEscaped, out var utf8, out var rented);
        try
        {
            key = decoded ? Encoding.UTF8.GetString(utf8) : null;
            return decoded;
        }
        finally
        {
            ReturnRented(rented);
        }
    }

    /// <summary>Client-chosen keys are echoed in messages; keep them short.</summary>
    private static string Truncate(string key) => key.Length <= 32 ? key : string.Concat(key.AsSpan(0, 32), "…");

    private static void ReturnRented(byte[]? rented)
    {
        if (rented is not null)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The fields read so far.</summary>
    private struct FilterFields
    {
        private int _seenFields;
        private ulong _seenLetters;

        public ImmutableArray<EventId>? Ids;
        public ImmutableArray<PublicKey>? Authors;
        public ImmutableArray<int>? Kinds;
        public ImmutableArray<TagFilter>.Builder? Tags;
        public long? Since;
        public long? Until;
        public int? Limit;
        public string? Search;

        /// <summary>Records a key; false when it was seen before. Unknown keys are refused anyway, so they are not tracked.</summary>
        public bool MarkSeen(string key)
        {
            if (key is ['#', var letter] && char.IsAsciiLetter(letter))
            {
                var letterBit = 1UL << (char.IsAsciiLetterLower(letter) ? letter - 'a' : 26 + (letter - 'A'));
                var firstLetter = (_seenLetters & letterBit) == 0;
                _seenLetters |= letterBit;
                return firstLetter;
            }

            var bit = key switch
            {
                "ids" => 1,
                "authors" => 2,
                "kinds" => 4,
                "since" => 8,
                "until" => 16,
                "limit" => 32,
                "search" => 64,
                _ => 0,
            };
            var first = (_seenFields & bit) == 0;
            _seenFields |= bit;
            return first || bit == 0;
        }
    }
}
