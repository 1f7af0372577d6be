using System.Text.Unicode;

namespace Relay.WebSockets.Messages;

/// <summary>
/// Incremental UTF-8 validator (RFC 3629) for text messages that arrive in pieces (RFC 6455 §8.1). It fails in
/// the very call that supplies the first byte which cannot start or continue valid UTF-8, even mid-message and
/// across fragment boundaries: a code point split between pieces is fine, an impossible prefix is not
/// (e.g. F4 90 fails at 90, ED A0 at A0).
/// </summary>
/// <remarks>
/// Bytes of a pending code point are checked one by one against the exact range the next byte may take; the
/// ASCII run is skipped with a vectorised search; the complete code points in between are checked by the
/// runtime's vectorised <see cref="Utf8.IsValid(ReadOnlySpan{byte})"/>; an incomplete sequence at the end goes
/// through the byte-wise state machine again. A mutable struct: keep it in a field, never copy it.
/// </remarks>
public struct Utf8Validator
{
    private int _remaining;   // continuation bytes still expected for the current code point
    private byte _lower;      // inclusive range the next continuation byte must fall in
    private byte _upper;

    /// <summary>Whether the bytes so far end on a code point boundary (required at the end of a message).</summary>
    public readonly bool IsComplete => _remaining == 0;

    /// <summary>Forgets any pending code point (start of a new message).</summary>
    public void Reset() => _remaining = 0;

    /// <summary>Validates the next piece of a text message.</summary>
    /// <returns>False when the piece contains a byte that makes the message invalid; the validator is then unusable until <see cref="Reset"/>.</returns>
    public bool TryAppend(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (_remaining > 0)
        {
            if (i == bytes.Length)
                return true;
            if (!StepContinuation(bytes[i++]))
                return false;
        }

        var rest = bytes[i..];
        var firstNonAscii = rest.IndexOfAnyExceptInRange((byte)0x00, (byte)0x7F);
        if (firstNonAscii < 0)
            return true;
        rest = rest[firstNonAscii..];

        var cut = StartOfIncompleteTail(rest);
        if (!Utf8.IsValid(rest[..cut]))
            return false;
        foreach (var b in rest[cut..])
        {
            if (!Step(b))
                return false;
        }

        return true;
    }

    private bool Step(byte b) => _remaining > 0 ? StepContinuation(b) : StepLead(b);

    private bool StepContinuation(byte b)
    {
        if (b < _lower || b > _upper)
            return false;
        _lower = 0x80;
        _upper = 0xBF;
        _remaining--;
        return true;
    }

    private bool StepLead(byte b)
    {
        // RFC 3629 §4 ("UTF8-2 / UTF8-3 / UTF8-4"): the second byte's range depends on the lead byte so that
        // overlong forms (E0 80..9F, F0 80..8F), surrogates (ED A0..BF) and code points above U+10FFFF (F4 90..)
        // are rejected at the second byte. C0, C1 and F5..FF never occur.
        (_remaining, _lower, _upper) = b switch
        {
            < 0x80 => (0, (byte)0x80, (byte)0xBF),
            >= 0xC2 and <= 0xDF => (1, (byte)0x80, (byte)0xBF),
            0xE0 => (2, (byte)0xA0, (byte)0xBF),
            0xED => (2, (byte)0x80, (byte)0x9F),
            >= 0xE1 and <= 0xEF => (2, (byte)0x80, (byte)0xBF),
            0xF0 => (3, (byte)0x90, (byte)0xBF),
            >= 0xF1 and <= 0xF3 => (3, (byte)0x80, (byte)0xBF),
            0xF4 => (3, (byte)0x80, (byte)0x8F),
            _ => (-1, (byte)0, (byte)0),
        };
        if (_remaining >= 0)
            return true;
        _remaining = 0;
        return false;
    }

    /// <summary>Index where a lead byte starts a sequence that runs past the end of <paramref name="bytes"/>, else its length.</summary>
    private static int StartOfIncompleteTail(ReadOnlySpan<byte> bytes)
    {
        var length = bytes.Length;
        for (var back = 1; back <= 3 && back <= length; back++)
        {
            var b = bytes[length - back];
            if (b < 0x80)
                return length;
            if (b >= 0xC0)
            {
                var sequenceLength = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                return sequenceLength > back ? length - back : length;
            }
        }

        return length;
    }
}
