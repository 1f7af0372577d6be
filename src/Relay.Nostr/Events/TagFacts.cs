using Relay.Nostr.Json;

namespace Relay.Nostr.Events;

/// <summary>What the relay needs from an event's tags, found in one pass when the event is built.</summary>
internal readonly struct TagFacts
{
    private TagFacts(string dTag, long? expiration, bool expirationValid, bool isProtected)
    {
        DTag = dTag;
        Expiration = expiration;
        ExpirationValid = expirationValid;
        IsProtected = isProtected;
    }

    /// <summary>First <c>d</c> value, "" when absent.</summary>
    public string DTag { get; }

    /// <summary>First <c>expiration</c> value, when valid.</summary>
    public long? Expiration { get; }

    /// <summary>False when the first <c>expiration</c> tag has no value or one that is not a timestamp.</summary>
    public bool ExpirationValid { get; }

    /// <summary>NIP-70 <c>["-"]</c> present.</summary>
    public bool IsProtected { get; }

    public static TagFacts Scan(ReadOnlySpan<NostrTag> tags)
    {
        string? dTag = null;
        long? expiration = null;
        var expirationSeen = false;
        var expirationValid = true;
        var isProtected = false;
        foreach (var tag in tags)
        {
            switch (tag.Name)
            {
                case "d" when dTag is null:
                    dTag = tag.Value ?? "";
                    break;
                case "expiration" when !expirationSeen:
                    // NIP-40 / strfry: the first expiration tag counts.
                    expirationSeen = true;
                    expirationValid = TryParseTimestamp(tag.Value, out var value);
                    expiration = expirationValid ? value : null;
                    break;
                case "-":
                    isProtected = true;
                    break;
            }
        }

        return new TagFacts(dTag ?? "", expiration, expirationValid, isProtected);
    }

    /// <summary>Plain decimal digits within the JSON safe-integer range, like <c>created_at</c>.</summary>
    private static bool TryParseTimestamp(string? text, out long value)
    {
        value = 0;
        if (string.IsNullOrEmpty(text) || text.Length > 16)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return value <= JsonIntegers.MaxSafeInteger;
    }
}
