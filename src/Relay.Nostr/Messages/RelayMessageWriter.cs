using System.Buffers;
using Relay.Nostr.Events;
using Relay.Nostr.Json;

namespace Relay.Nostr.Messages;

/// <summary>
/// Writes relay-to-client messages (NIP-01, NIP-42, NIP-45, NIP-77) as UTF-8 JSON straight into an
/// <see cref="IBufferWriter{T}"/>: one <c>GetSpan</c>, one <c>Advance</c>, no allocation. Text is escaped with
/// NIP-01's rules. An event is never re-serialised: its canonical bytes are copied, so one serialisation
/// serves every subscription it goes to.
/// </summary>
/// <remarks>Stateless and thread-safe; the buffer writer is the caller's and is not.</remarks>
public static class RelayMessageWriter
{
    private static ReadOnlySpan<byte> EventPrefix => "[\"EVENT\","u8;
    private static ReadOnlySpan<byte> OkPrefix => "[\"OK\",\""u8;
    private static ReadOnlySpan<byte> EosePrefix => "[\"EOSE\","u8;
    private static ReadOnlySpan<byte> ClosedPrefix => "[\"CLOSED\","u8;
    private static ReadOnlySpan<byte> NoticePrefix => "[\"NOTICE\","u8;
    private static ReadOnlySpan<byte> AuthPrefix => "[\"AUTH\","u8;
    private static ReadOnlySpan<byte> CountPrefix => "[\"COUNT\","u8;
    private static ReadOnlySpan<byte> NegErrPrefix => "[\"NEG-ERR\","u8;
    private static ReadOnlySpan<byte> CountField => ",{\"count\":"u8;
    private static ReadOnlySpan<byte> ApproximateField => ",\"approximate\":true"u8;
    private static ReadOnlySpan<byte> True => "\",true,"u8;
    private static ReadOnlySpan<byte> False => "\",false,"u8;

    /// <summary>Longest decimal count (<see cref="long.MaxValue"/> has 19 digits).</summary>
    private const int MaxCountDigits = 19;

    /// <summary><c>["EVENT","&lt;sub&gt;",&lt;event&gt;]</c> from the event's stored bytes.</summary>
    public static void WriteEvent(IBufferWriter<byte> output, SubscriptionId subscriptionId, NostrEvent nostrEvent)
    {
        ArgumentNullException.ThrowIfNull(nostrEvent);
        WriteEvent(output, subscriptionId, nostrEvent.Json.Span);
    }

    /// <summary><c>["EVENT","&lt;sub&gt;",&lt;event&gt;]</c> from canonical event bytes (e.g. read from storage).</summary>
    public static void WriteEvent(IBufferWriter<byte> output, SubscriptionId subscriptionId, ReadOnlySpan<byte> eventJson)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(subscriptionId);
        var sub = subscriptionId.JsonSpan;
        var length = EventPrefix.Length + sub.Length + 1 + eventJson.Length + 1;
        var writer = new SpanWriter(output.GetSpan(length));
        writer.Append(EventPrefix);
        writer.Append(sub);
        writer.Append((byte)',');
        writer.Append(eventJson);
        writer.Append((byte)']');
        output.Advance(writer.Written);
    }

    /// <summary><c>["OK","&lt;id&gt;",true|false,"&lt;message&gt;"]</c> (NIP-01: the message is always present).</summary>
    public static void WriteOk(IBufferWriter<byte> output, EventId id, bool accepted, ReadOnlySpan<char> message)
    {
        ArgumentNullException.ThrowIfNull(output);
        var length = OkPrefix.Length + EventId.HexLength + False.Length + SpanWriter.QuotedCapacity(message) + 1;
        var writer = new SpanWriter(output.GetSpan(length));
        writer.Append(OkPrefix);
        writer.AppendHex(id);
        writer.Append(accepted ? True : False);
        writer.AppendQuoted(message);
        writer.Append((byte)']');
        output.Advance(writer.Written);
    }

    /// <summary><c>["EOSE","&lt;sub&gt;"]</c>.</summary>
    public static void WriteEose(IBufferWriter<byte> output, SubscriptionId subscriptionId) =>
        WriteSubscriptionMessage(output, EosePrefix, subscriptionId, withText: false, default);

    /// <summary><c>["CLOSED","&lt;sub&gt;","&lt;message&gt;"]</c>; the message starts with a NIP-01 prefix.</summary>
    public static void WriteClosed(IBufferWriter<byte> output, SubscriptionId subscriptionId, ReadOnlySpan<char> message) =>
        WriteSubscriptionMessage(output, ClosedPrefix, subscriptionId, withText: true, message);

    /// <summary><c>["NEG-ERR","&lt;sub&gt;","&lt;reason&gt;"]</c> (NIP-77); the subscription is closed afterwards.</summary>
    public static void WriteNegErr(IBufferWriter<byte> output, SubscriptionId subscriptionId, ReadOnlySpan<char> reason) =>
        WriteSubscriptionMessage(output, NegErrPrefix, subscriptionId, withText: true, reason);

    /// <summary><c>["NOTICE","&lt;message&gt;"]</c>.</summary>
    public static void WriteNotice(IBufferWriter<byte> output, ReadOnlySpan<char> message) =>
        WriteTextMessage(output, NoticePrefix, message);

    /// <summary><c>["AUTH","&lt;challenge&gt;"]</c> (NIP-42).</summary>
    public static void WriteAuth(IBufferWriter<byte> output, ReadOnlySpan<char> challenge) =>
        WriteTextMessage(output, AuthPrefix, challenge);

    /// <summary><c>["COUNT","&lt;sub&gt;",{"count":n}]</c> (NIP-45), with <c>"approximate":true</c> when asked.</summary>
    public static void WriteCount(IBufferWriter<byte> output, SubscriptionId subscriptionId, long count, bool approximate = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(subscriptionId);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var sub = subscriptionId.JsonSpan;
        var length = CountPrefix.Length + sub.Length + CountField.Length + MaxCountDigits + ApproximateField.Length + 2;
        var writer = new SpanWriter(output.GetSpan(length));
        writer.Append(CountPrefix);
        writer.Append(sub);
        writer.Append(CountField);
        writer.AppendInteger(count);
        if (approximate)
        {
            writer.Append(ApproximateField);
        }

        writer.Append((byte)'}');
        writer.Append((byte)']');
        output.Advance(writer.Written);
    }

    /// <summary>
    /// Writes the reply a refused client message deserves (<see cref="ClientMessageError.Reply"/>): <c>OK false</c>,
    /// <c>CLOSED</c>, <c>NEG-ERR</c> or <c>NOTICE</c>, with <see cref="ClientMessageError.Message"/>.
    /// </summary>
    /// <returns>False when no reply is due (<see cref="NostrReplyKind.None"/>) and nothing was written.</returns>
    public static bool WriteReply(IBufferWriter<byte> output, in ClientMessageError error)
    {
        switch (error.Reply)
        {
            case NostrReplyKind.OkFalse:
                WriteOk(output, error.EventId!.Value, false, error.Message);
                return true;
            case NostrReplyKind.Closed:
                WriteClosed(output, error.SubscriptionId!, error.Message);
                return true;
            case NostrReplyKind.NegErr:
                WriteNegErr(output, error.SubscriptionId!, error.Message);
                return true;
            case NostrReplyKind.Notice:
                WriteNotice(output, error.Message);
                return true;
            default:
                return false;
        }
    }

    private static void WriteSubscriptionMessage(
        IBufferWriter<byte> output, ReadOnlySpan<byte> prefix, SubscriptionId subscriptionId, bool withText, ReadOnlySpan<char> text)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(subscriptionId);
        var sub = subscriptionId.JsonSpan;
        var length = prefix.Length + sub.Length + 1 + (withText ? 1 + SpanWriter.QuotedCapacity(text) : 0);
        var writer = new SpanWriter(output.GetSpan(length));
        writer.Append(prefix);
        writer.Append(sub);
        if (withText)
        {
            writer.Append((byte)',');
            writer.AppendQuoted(text);
        }

        writer.Append((byte)']');
        output.Advance(writer.Written);
    }

    private static void WriteTextMessage(IBufferWriter<byte> output, ReadOnlySpan<byte> prefix, ReadOnlySpan<char> text)
    {
        ArgumentNullException.ThrowIfNull(output);
        var writer = new SpanWriter(output.GetSpan(prefix.Length + SpanWriter.QuotedCapacity(text) + 1));
        writer.Append(prefix);
        writer.AppendQuoted(text);
        writer.Append((byte)']');
        output.Advance(writer.Written);
    }
}
