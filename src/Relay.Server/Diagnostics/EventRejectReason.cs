namespace Relay.Server.Diagnostics;

/// <summary>
/// The <c>reason</c> label of <c>nostr_events_rejected_total</c>: the machine-readable prefix of the
/// <c>OK false</c> message (NIP-01, NIP-42). Duplicates are not rejections (NIP-01 answers them
/// <c>OK true "duplicate:"</c>); see <see cref="RelayMetrics.EventDuplicate"/>.
/// </summary>
public enum EventRejectReason
{
    /// <summary><c>invalid:</c> bad id, signature, JSON or field.</summary>
    Invalid,

    /// <summary><c>pow:</c> not enough proof of work (NIP-13).</summary>
    Pow,

    /// <summary><c>blocked:</c> pubkey, kind or content refused by policy.</summary>
    Blocked,

    /// <summary><c>rate-limited:</c> the publisher is over a rate limit.</summary>
    RateLimited,

    /// <summary><c>restricted:</c> not allowed to write here (e.g. event too old, too big, kind not accepted).</summary>
    Restricted,

    /// <summary><c>auth-required:</c> NIP-42 authentication needed first.</summary>
    AuthRequired,

    /// <summary><c>mute:</c> accepted by nobody (NIP-01).</summary>
    Mute,

    /// <summary><c>error:</c> the relay failed (storage, internal): an operator's problem, not the client's.</summary>
    Error,
}
