namespace Relay.LoadGenerator.Nostr;

/// <summary>The machine-readable prefix of an OK false or CLOSED message (NIP-01: <c>invalid:</c>, <c>rate-limited:</c>, …).</summary>
internal static class ReplyPrefix
{
    /// <summary>
    /// Longest prefix taken as one: NIP-01's and NIP-42's are at most 14 characters (<c>auth-required:</c>); 20 leaves
    /// room for relay-specific ones without mistaking a sentence with a colon for a prefix.
    /// </summary>
    private const int MaxPrefixLength = 20;

    /// <summary>"rate-limited:" for "rate-limited: slow down"; "(no prefix)" when the message has none.</summary>
    public static string Of(string message)
    {
        var colon = message.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < MaxPrefixLength ? message[..(colon + 1)] : "(no prefix)";
    }
}
