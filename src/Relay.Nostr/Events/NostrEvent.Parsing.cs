using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Relay.Nostr.Json;
using Relay.Nostr.Messages;

namespace Relay.Nostr.Events;

public sealed partial class NostrEvent
{
    /// <summary>
    /// Parses one event object (UTF-8 JSON), with the same rules as an <c>EVENT</c> message: for stored
    /// events read back, imports, and tests. The id is checked; the signature is not.
    /// </summary>
    /// <param name="utf8Json">The event object, e.g. <see cref="Json"/> of another event.</param>
    /// <param name="limits">Limits to enforce.</param>
    /// <param name="nostrEvent">The event when valid.</param>
    /// <param name="error">The <c>invalid: ...</c> text when not.</param>
    public static bool TryParse(
        ReadOnlySpan<byte> utf8Json, NostrLimits limits, [NotNullWhen(true)] out NostrEvent? nostrEvent,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(limits);
        nostrEvent = null;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, ClientJson.ReaderOptions);
            reader.Read();
            EventId? recovered = null;
            if (!EventJsonReader.TryRead(ref reader, utf8Json.Length, limits, ref recovered, out nostrEvent, out var reason, out var detail))
            {
                error = ClientMessageError.PrefixFor(reason) + detail;
                return false;
            }

            // Anything after the object is not part of one event.
            if (reader.Read())
            {
                nostrEvent = null;
                error = ClientMessageError.PrefixFor(ClientErrorReason.MalformedJson) + "trailing data after the event";
                return false;
            }

            error = null;
            return true;
        }
        catch (JsonException)
        {
            nostrEvent = null;
            error = ClientMessageError.PrefixFor(ClientErrorReason.MalformedJson) + "malformed JSON";
            return false;
        }
    }
}
