using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Relay.Nostr.Filters;
using Relay.Nostr.Json;

namespace Relay.Nostr.Messages;

public static partial class ClientMessageParser
{
    /// <summary><c>["REQ", sub, filter...]</c> (NIP-01) and <c>["COUNT", sub, filter...]</c> (NIP-45).</summary>
    private static ClientMessage? ParseRequest(ref Utf8JsonReader reader, ref ParseContext context)
    {
        if (!TryReadSubscriptionId(ref reader, ref context, out var subscriptionId))
        {
            return null;
        }

        var verbName = context.Verb == ClientVerb.Req ? "REQ" : "COUNT";
        var filters = ImmutableArray.CreateBuilder<NostrFilter>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (filters.Count == context.Limits.MaxFiltersPerRequest)
            {
                return context.Fail(ClientErrorReason.InvalidFilter, $"more than {context.Limits.MaxFiltersPerRequest} filters");
            }

            if (!FilterJsonReader.TryRead(ref reader, context.Limits, filters.Count, out var filter, out var reason, out var detail))
            {
                return context.Fail(reason, detail);
            }

            filters.Add(filter);
        }

        if (filters.Count == 0)
        {
            return context.Fail(ClientErrorReason.InvalidArguments, $"{verbName} needs at least one filter");
        }

        var list = filters.DrainToImmutable();
        return context.Verb == ClientVerb.Req ? new ReqMessage(subscriptionId, list) : new CountMessage(subscriptionId, list);
    }

    /// <summary>
    /// Reads the subscription id element. Any decodable string is recovered into the context before its
    /// length is judged, so an empty or overlong id still gets its <c>CLOSED</c> (a client waiting for EOSE
    /// on it would otherwise hang).
    /// </summary>
    private static bool TryReadSubscriptionId(
        ref Utf8JsonReader reader, ref ParseContext context, [NotNullWhen(true)] out SubscriptionId? subscriptionId)
    {
        subscriptionId = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            context.Fail(ClientErrorReason.InvalidSubscriptionId, "subscription id must be a string");
            return false;
        }

        var decoded = JsonStringDecoder.TryDecode(reader.ValueSpan, reader.ValueIsEscaped, out var utf8, out var rented);
        try
        {
            if (!decoded)
            {
                context.Fail(ClientErrorReason.InvalidSubscriptionId, "subscription id is not valid UTF-8");
                return false;
            }

            var candidate = SubscriptionId.FromValidUtf8(utf8);
            context.SubscriptionId = candidate;
            if (utf8.IsEmpty)
            {
                context.Fail(ClientErrorReason.InvalidSubscriptionId, "subscription id must not be empty");
                return false;
            }

            if (Utf8Text.CountCodePoints(utf8) > context.Limits.MaxSubscriptionIdLength)
            {
                context.Fail(
                    ClientErrorReason.InvalidSubscriptionId,
                    $"subscription id is longer than {context.Limits.MaxSubscriptionIdLength} characters");
                return false;
            }

            subscriptionId = candidate;
            return true;
        }
        finally
        {
            ReturnRented(rented);
        }
    }
}
