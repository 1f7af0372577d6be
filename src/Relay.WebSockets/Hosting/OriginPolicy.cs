namespace Relay.WebSockets.Hosting;

/// <summary>Which Origin headers a server accepts (RFC 6455 §4.2.2 item 4, §10.2). Requests without Origin (non-browser clients) are always accepted.</summary>
public enum OriginPolicy
{
    /// <summary>Any origin: Nostr web clients connect from every site, so this is the default.</summary>
    AllowAny,

    /// <summary>Only origins listed in <see cref="WebSocketServerOptions.AllowedOrigins"/> (compared case-insensitively).</summary>
    AllowList,

    /// <summary>Only an origin whose host and port equal the request's Host header.</summary>
    SameOrigin,
}
