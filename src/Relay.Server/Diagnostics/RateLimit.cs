namespace Relay.Server.Diagnostics;

/// <summary>The <c>limit</c> label of <c>relay_rate_limited_total</c>: which per-client rate limit refused a message.</summary>
public enum RateLimit
{
    /// <summary>Any client message (<c>messages</c>).</summary>
    Messages,

    /// <summary>Published events (<c>events</c>).</summary>
    Events,

    /// <summary>New subscriptions (<c>reqs</c>).</summary>
    Reqs,
}
