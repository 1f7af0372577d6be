using System.Text.Json;

namespace Relay.LoadGenerator.Nostr;

/// <summary>
/// Reads relay messages (NIP-01 "From relay to client") just far enough to count them: the verb, the subscription
/// id, the event id and OK's flag and text. A delivered event's remaining fields are not read, so fan-out
/// measurements are not limited by the client's parsing.
/// </summary>
internal static class RelayReplyReader
{
    /// <summary>Reads <paramref name="payload"/>.</summary>
    /// <returns>False when the payload is not a relay message we understand (the caller counts it as malformed).</returns>
    public static bool TryRead(ReadOnlySpan<byte> payload, out RelayReply reply)
    {
        reply = default;
        try
        {
            var reader = new Utf8JsonReader(payload);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray || !reader.Read() || reader.TokenType != JsonTokenType.String)
                return false;

            var verb = VerbOf(ref reader);
            switch (verb)
            {
                case RelayVerb.Event:
                {
                    if (!ReadString(ref reader, payload, out var subscriptionId) || !reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                        return false;
                    // Canonical serialisation puts "id" first; tolerate any order by skipping other members.
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        if (reader.ValueTextEquals("id"u8))
                        {
                            if (!ReadString(ref reader, payload, out var id))
                                return false;
                            reply = new RelayReply { Verb = verb, SubscriptionId = subscriptionId, EventId = id, Message = "" };
                            return true;
                        }

                        reader.Read();
                        reader.Skip();
                    }

                    return false;
                }

                case RelayVerb.Ok:
                {
                    if (!ReadString(ref reader, payload, out var id) || !reader.Read())
                        return false;
                    if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False))
                        return false;
                    var accepted = reader.TokenType == JsonTokenType.True;
                    // NIP-01 makes the message mandatory; accept its absence rather than miscount an OK.
                    var message = reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString()! : "";
                    reply = new RelayReply { Verb = verb, EventId = id, Accepted = accepted, Message = message };
                    return true;
                }

                case RelayVerb.Eose:
                case RelayVerb.Closed:
                case RelayVerb.Count:
                {
                    if (!ReadString(ref reader, payload, out var subscriptionId))
                        return false;
                    var message = verb == RelayVerb.Closed && reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString()! : "";
                    reply = new RelayReply { Verb = verb, SubscriptionId = subscriptionId, Message = message };
                    return true;
                }

                case RelayVerb.Notice:
                case RelayVerb.Auth:
                {
                    var message = reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString()! : "";
                    reply = new RelayReply { Verb = verb, Message = message };
                    return true;
                }

                default:
                    return false;
            }
        }
        catch (JsonException)
        {
            // The relay sent something that is not JSON: a value, counted by the caller.
            return false;
        }
    }

    private static RelayVerb VerbOf(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("EVENT"u8) ? RelayVerb.Event
        : reader.ValueTextEquals("OK"u8) ? RelayVerb.Ok
        : reader.ValueTextEquals("EOSE"u8) ? RelayVerb.Eose
        : reader.ValueTextEquals("CLOSED"u8) ? RelayVerb.Closed
        : reader.ValueTextEquals("NOTICE"u8) ? RelayVerb.Notice
        : reader.ValueTextEquals("AUTH"u8) ? RelayVerb.Auth
        : reader.ValueTextEquals("COUNT"u8) ? RelayVerb.Count
        : RelayVerb.Unknown;

    /// <summary>
    /// Reads the next token as a string without unescaping (ids and hex never contain escapes), as a slice of
    /// <paramref name="payload"/>: the token starts at its opening quote.
    /// </summary>
    private static bool ReadString(scoped ref Utf8JsonReader reader, ReadOnlySpan<byte> payload, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (!reader.Read() || reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
            return false;
        value = payload.Slice((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);
        return true;
    }
}
