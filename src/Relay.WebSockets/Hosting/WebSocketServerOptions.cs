using Microsoft.AspNetCore.Http;
using Relay.WebSockets.Internal;

namespace Relay.WebSockets.Hosting;

/// <summary>What one WebSocket endpoint accepts. Immutable once built; one instance may serve many requests.</summary>
public sealed class WebSocketServerOptions
{
    /// <summary>Limits and permessage-deflate settings for accepted connections.</summary>
    public WebSocketConnectionOptions Connection { get; init; } = WebSocketConnectionOptions.Default;

    /// <summary>Origin check. Default <see cref="OriginPolicy.AllowAny"/>.</summary>
    public OriginPolicy OriginPolicy { get; init; } = OriginPolicy.AllowAny;

    /// <summary>Origins accepted under <see cref="OriginPolicy.AllowList"/>, e.g. <c>https://example.com</c>.</summary>
    public IReadOnlyCollection<string> AllowedOrigins { get; init; } = [];

    /// <summary>Subprotocols we speak. The first one the client lists that is also here is chosen (the client orders by preference, §1.9); none: no header.</summary>
    public IReadOnlyList<string> SubProtocols { get; init; } = [];

    /// <summary>Paths this endpoint serves; null serves every path. Other paths are answered 404.</summary>
    public Func<PathString, bool>? PathMatcher { get; init; }

    /// <summary>Hooks for metrics and logs.</summary>
    public IWebSocketObserver Observer { get; init; } = WebSocketObserver.None;

    /// <summary>Clock for the handshake and close timeouts.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Connection);
        Connection.Validate();
        if (OriginPolicy == OriginPolicy.AllowList && AllowedOrigins.Count == 0)
            ThrowHelper.ThrowArgument("AllowList needs at least one allowed origin.", nameof(AllowedOrigins));
    }
}
