using Relay.Nostr.Events;

namespace Relay.Nostr.Json;

/// <summary>Appends to a span obtained from an <c>IBufferWriter</c>, sized by the caller beforehand.</summary>
internal ref struct SpanWriter(Span<byte> destination)
{
    private readonly Span<byte> _destination = destination;

    public int Written { get; private set; }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_destination[Written..]);
        Written += bytes.Length;
    }

    public void Append(byte b) => _destination[Written++] = b;

    /// <summary>A quoted JSON string from UTF-16 text, NIP-01 escaping.</summary>
    public void AppendQuoted(ReadOnlySpan<char> text)
    {
        Append((byte)'"');
        Written += NostrJsonEscaper.EscapeUtf16(text, _destination[Written..]);
        Append((byte)'"');
    }

    public void AppendInteger(long value) => Written += JsonIntegers.Write(value, _destination[Written..]);

    public void AppendHex(EventId id)
    {
        id.WriteHex(_destination[Written..]);
        Written += EventId.HexLength;
    }

    /// <summary>Room needed by <see cref="AppendQuoted"/>.</summary>
    public static int QuotedCapacity(ReadOnlySpan<char> text) => NostrJsonEscaper.GetMaxUtf16EscapedLength(text.Length) + 2;
}
