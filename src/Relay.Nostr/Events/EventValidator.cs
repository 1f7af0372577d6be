using Relay.Nostr.Crypto;
using Relay.Nostr.Messages;

namespace Relay.Nostr.Events;

/// <summary>
/// The checks an accepted event still needs after parsing, in the order the relay runs them: the clock
/// (created_at window, NIP-40 expiration), then, after the duplicate lookup, the signature. Each failure is
/// a <see cref="ClientMessageError"/> answered with <c>OK false</c>.
/// </summary>
public static class EventValidator
{
    /// <summary>
    /// <c>created_at</c> within [now − <see cref="NostrLimits.CreatedAtLowerLimit"/>, now +
    /// <see cref="NostrLimits.CreatedAtUpperLimit"/>], and not already expired (NIP-40: "Relays SHOULD drop
    /// any events that are published to them if they are expired").
    /// </summary>
    /// <param name="nostrEvent">The parsed event.</param>
    /// <param name="unixNow">The relay's clock, unix seconds (from its <see cref="TimeProvider"/>).</param>
    /// <param name="limits">The window.</param>
    /// <param name="error">The refusal, when the event fails.</param>
    /// <param name="verb"><see cref="ClientVerb.Event"/> or <see cref="ClientVerb.Auth"/>, for the reply.</param>
    public static bool TryCheckTime(
        NostrEvent nostrEvent, long unixNow, NostrLimits limits, out ClientMessageError error, ClientVerb verb = ClientVerb.Event)
    {
        ArgumentNullException.ThrowIfNull(nostrEvent);
        ArgumentNullException.ThrowIfNull(limits);
        string? detail = null;
        var reason = ClientErrorReason.CreatedAtOutOfRange;
        if (nostrEvent.CreatedAt > unixNow + limits.CreatedAtUpperLimit)
        {
            detail = $"created_at is more than {limits.CreatedAtUpperLimit} seconds in the future";
        }
        else if (limits.CreatedAtLowerLimit is { } lower && nostrEvent.CreatedAt < unixNow - lower)
        {
            detail = $"created_at is more than {lower} seconds in the past";
        }
        else if (nostrEvent.IsExpired(unixNow))
        {
            reason = ClientErrorReason.Expired;
            detail = "event has expired";
        }

        error = detail is null ? default : new ClientMessageError(verb, reason, detail, nostrEvent.Id);
        return detail is null;
    }

    /// <summary><see cref="TryCheckTime(NostrEvent, long, NostrLimits, out ClientMessageError, ClientVerb)"/> with the time from a clock.</summary>
    public static bool TryCheckTime(
        NostrEvent nostrEvent, TimeProvider clock, NostrLimits limits, out ClientMessageError error, ClientVerb verb = ClientVerb.Event)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return TryCheckTime(nostrEvent, clock.GetUtcNow().ToUnixTimeSeconds(), limits, out error, verb);
    }

    /// <summary>BIP-340 signature check (<see cref="NostrEvent.VerifySignature"/>), as an error value.</summary>
    public static bool TryVerifySignature(
        NostrEvent nostrEvent, ISchnorrBackend backend, out ClientMessageError error, ClientVerb verb = ClientVerb.Event)
    {
        ArgumentNullException.ThrowIfNull(nostrEvent);
        if (nostrEvent.VerifySignature(backend))
        {
            error = default;
            return true;
        }

        error = new ClientMessageError(verb, ClientErrorReason.InvalidSignature, "signature does not verify", nostrEvent.Id);
        return false;
    }
}
