using Relay.Server.Diagnostics.Internal;

namespace Relay.Server.Diagnostics;

// Mapping protocol values onto the closed label sets, and the zero series of those sets.
public sealed partial class RelayMetrics
{
    /// <summary>
    /// The storage class of <paramref name="kind"/> per NIP-01: replaceable (0, 3, 10000-19999), ephemeral
    /// (20000-29999), addressable (30000-39999), regular for every other kind in 0-65535, and
    /// <see cref="KindClass.Unknown"/> outside that range.
    /// </summary>
    public static KindClass ClassifyKind(long kind) => kind switch
    {
        < 0 or > 65535 => KindClass.Unknown,
        0 or 3 or (>= 10000 and < 20000) => KindClass.Replaceable,
        >= 20000 and < 30000 => KindClass.Ephemeral,
        >= 30000 and < 40000 => KindClass.Addressable,
        _ => KindClass.Regular,
    };

    /// <summary>
    /// The verb label of a client message's first element (UTF-8, case-sensitive as NIP-01 spells it);
    /// any other string is <see cref="ClientVerb.Unknown"/>.
    /// </summary>
    public static ClientVerb ClassifyClientVerb(ReadOnlySpan<byte> verb) => verb switch
    {
        _ when verb.SequenceEqual("EVENT"u8) => ClientVerb.Event,
        _ when verb.SequenceEqual("REQ"u8) => ClientVerb.Req,
        _ when verb.SequenceEqual("CLOSE"u8) => ClientVerb.Close,
        _ when verb.SequenceEqual("AUTH"u8) => ClientVerb.Auth,
        _ when verb.SequenceEqual("COUNT"u8) => ClientVerb.Count,
        _ => ClientVerb.Unknown,
    };

    /// <summary>
    /// Reads the machine-readable prefix of an <c>OK false</c> message (<c>"blocked: spam"</c> →
    /// <see cref="EventRejectReason.Blocked"/>). False when the message has no standard prefix (NIP-01, NIP-42).
    /// </summary>
    public static bool TryParseRejectReason(ReadOnlySpan<char> message, out EventRejectReason reason)
    {
        var colon = message.IndexOf(':');
        var prefix = colon < 0 ? ReadOnlySpan<char>.Empty : message[..colon];
        for (var i = 0; i < MetricLabels.RejectReasons.Length; i++)
        {
            if (prefix.SequenceEqual(MetricLabels.RejectReasons[i]))
            {
                reason = (EventRejectReason)i;
                return true;
            }
        }
        reason = default;
        return false;
    }

    private void InitializeSeries()
    {
        _connections.Add(0);
        _subscriptions.Add(0);
        _pingTimeouts.Add(0);
        _slowConsumerCloses.Add(0);
        _bytesReceived.Add(0);
        _bytesSent.Add(0);
        foreach (var tag in CompressionTags) _connectionsAccepted.Add(0, tag);
        foreach (var tag in RefusalTags) _connectionsRefused.Add(0, tag);
        foreach (var tag in DirectionTags)
        {
            _deflateUncompressed.Add(0, tag);
            _deflateCompressed.Add(0, tag);
        }
        foreach (var tag in ClientVerbTags) _clientMessages.Add(0, tag);
        foreach (var tag in RelayVerbTags) _relayMessages.Add(0, tag);
        foreach (var tag in DeliveryTags) _deliveries.Add(0, tag);
        foreach (var tag in RateLimitTags) _rateLimited.Add(0, tag);
        // Events of a real kind class; "unknown" only ever appears with reason "invalid", when it happens.
        for (var kindClass = 0; kindClass < (int)KindClass.Unknown; kindClass++)
        {
            foreach (var tags in EventTags[kindClass]) _events.Add(0, tags);
            foreach (var tags in RejectTags[kindClass]) _eventsRejected.Add(0, tags);
        }
    }
}
