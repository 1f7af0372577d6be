namespace Relay.Server.Subscriptions.Internal;

/// <summary>
/// Where <see cref="LiveFilterIndex{TSubscriber}"/> files a filter: under the most selective condition it
/// has, in the order strfry's ActiveMonitors and rnostr use (an id names one event, an author a few
/// thousand, a tag value more, a kind millions).
/// </summary>
internal enum LiveIndexDimension : byte
{
    /// <summary>Filed under each value of <c>ids</c>.</summary>
    Ids,

    /// <summary>Filed under each value of <c>authors</c>.</summary>
    Authors,

    /// <summary>Filed under each value of one <c>#x</c> condition.</summary>
    Tag,

    /// <summary>Filed under each value of <c>kinds</c>.</summary>
    Kinds,

    /// <summary>No indexable condition (only since/until/search, or none): tested against every event.</summary>
    MatchAll,
}
