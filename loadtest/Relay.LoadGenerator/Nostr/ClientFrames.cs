using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Relay.LoadGenerator.Nostr;

/// <summary>Builds the client messages of NIP-01 as UTF-8 payloads, ready to send.</summary>
internal static class ClientFrames
{
    /// <summary><c>["EVENT", event]</c> around an event's canonical JSON.</summary>
    public static byte[] Event(ReadOnlySpan<byte> eventJson)
    {
        ReadOnlySpan<byte> head = "[\"EVENT\","u8;
        var frame = new byte[head.Length + eventJson.Length + 1];
        head.CopyTo(frame);
        eventJson.CopyTo(frame.AsSpan(head.Length));
        frame[^1] = (byte)']';
        return frame;
    }

    /// <summary><c>["REQ", subId, filter]</c>; the filter is written by <paramref name="writeFilter"/> inside its object.</summary>
    public static byte[] Req(string subscriptionId, Action<Utf8JsonWriter> writeFilter)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStringValue("REQ"u8);
            writer.WriteStringValue(subscriptionId);
            writer.WriteStartObject();
            writeFilter(writer);
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary><c>["CLOSE", subId]</c>.</summary>
    public static byte[] Close(string subscriptionId) => Encoding.UTF8.GetBytes($"[\"CLOSE\",\"{subscriptionId}\"]");
}
