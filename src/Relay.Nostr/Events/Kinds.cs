namespace Relay.Nostr.Events;

/// <summary>Kind numbers the relay treats specially, and the NIP-01 kind ranges.</summary>
public static class Kinds
{
    /// <summary>Lowest kind NIP-01 allows.</summary>
    public const int Min = 0;

    /// <summary>Highest kind NIP-01 allows ("integer between 0 and 65535").</summary>
    public const int Max = 65535;

    /// <summary>Kind 0, user metadata (replaceable).</summary>
    public const int Metadata = 0;

    /// <summary>Kind 1, text note.</summary>
    public const int TextNote = 1;

    /// <summary>Kind 3, follow list (replaceable).</summary>
    public const int FollowList = 3;

    /// <summary>Kind 5, deletion request (NIP-09).</summary>
    public const int Deletion = 5;

    /// <summary>Kind 22242, client authentication (NIP-42); never stored or broadcast.</summary>
    public const int ClientAuthentication = 22242;

    /// <summary>
    /// Classifies a kind by NIP-01's ranges. Kinds the ranges leave unassigned (45–999 and 40000–65535)
    /// are <see cref="KindClass.Regular"/>: stored like any event, which is what NIP-01 implies for
    /// kinds without a special rule and what strfry does.
    /// </summary>
    public static KindClass Classify(int kind) => kind switch
    {
        0 or 3 => KindClass.Replaceable,
        >= 10000 and < 20000 => KindClass.Replaceable,
        >= 20000 and < 30000 => KindClass.Ephemeral,
        >= 30000 and < 40000 => KindClass.Addressable,
        _ => KindClass.Regular,
    };
}
