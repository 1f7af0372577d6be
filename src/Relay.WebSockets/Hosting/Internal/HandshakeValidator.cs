using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Relay.WebSockets.Compression;
using Relay.WebSockets.Compression.Internal;
using Relay.WebSockets.Handshake;

namespace Relay.WebSockets.Hosting.Internal;

/// <summary>What a valid request was answered with.</summary>
internal readonly record struct HandshakeAnswer(string Key, string? SubProtocol, PerMessageDeflateParameters? Deflate, string? ExtensionsHeader);

/// <summary>Checks an upgrade request against RFC 6455 §4.2.1 and the endpoint's options.</summary>
internal static class HandshakeValidator
{
    /// <summary>
    /// Validates in a fixed order (path, method, HTTP version, then the header fields in the order of §4.2.1,
    /// then policy), so a request with several faults always gets the same answer.
    /// </summary>
    public static HandshakeError Validate(HttpRequest request, WebSocketServerOptions options, out HandshakeAnswer answer)
    {
        answer = default;
        if (options.PathMatcher is { } matches && !matches(request.Path))
            return HandshakeError.PathNotFound;
        if (!HttpMethods.IsGet(request.Method))
            return HandshakeError.MethodNotAllowed;
        // HTTP/1.1 or later per §4.1; only HTTP/1.1 has the Upgrade mechanism WebSocket uses (HTTP/2 needs RFC 8441).
        if (!HttpProtocol.IsHttp11(request.Protocol))
            return HandshakeError.UnsupportedHttpVersion;

        var headers = request.Headers;
        if (StringValues.IsNullOrEmpty(headers.Host))
            return HandshakeError.MissingHost;
        if (!WebSocketHandshake.HeaderContainsToken(headers.Upgrade, "websocket"))
            return HandshakeError.MissingUpgradeWebSocket;
        if (!WebSocketHandshake.HeaderContainsToken(headers.Connection, "Upgrade"))
            return HandshakeError.MissingConnectionUpgrade;

        var key = headers.SecWebSocketKey;
        if (key.Count != 1)
            return HandshakeError.MissingKey;
        if (!WebSocketHandshake.IsValidKey(key[0]))
            return HandshakeError.InvalidKey;

        var version = headers.SecWebSocketVersion;
        if (StringValues.IsNullOrEmpty(version))
            return HandshakeError.MissingVersion;
        if (version.Count != 1 || version[0]?.Trim() != WebSocketHandshake.SupportedVersion)
            return HandshakeError.UnsupportedVersion;

        if (!IsOriginAllowed(headers.Origin, headers.Host.ToString(), options))
            return HandshakeError.OriginNotAllowed;

        PerMessageDeflateParameters? deflate = null;
        string? extensionsHeader = null;
        var extensions = headers.SecWebSocketExtensions;
        if (!StringValues.IsNullOrEmpty(extensions))
        {
            var offers = new List<ExtensionOffer>();
            // §9.1: a value that does not match the ABNF fails the handshake.
            if (!ExtensionHeader.TryParse(extensions, offers))
                return HandshakeError.MalformedExtensions;
            if (options.Connection.PerMessageDeflate is { } deflateOptions && ZLibNative.IsAvailable
                && PerMessageDeflateNegotiator.TryAccept(offers, deflateOptions, out var accepted, out extensionsHeader))
                deflate = accepted;
        }

        answer = new HandshakeAnswer(key[0]!, ChooseSubProtocol(headers.SecWebSocketProtocol, options.SubProtocols), deflate, extensionsHeader);
        return HandshakeError.None;
    }

    private static bool IsOriginAllowed(StringValues origin, string host, WebSocketServerOptions options)
    {
        // Only browsers send Origin, and only a browser's Origin can be trusted to be honest (§10.2): a request
        // without one comes from a non-browser client, which the check could not stop anyway.
        if (options.OriginPolicy == OriginPolicy.AllowAny || StringValues.IsNullOrEmpty(origin))
            return true;
        var value = origin.ToString();
        if (options.OriginPolicy == OriginPolicy.AllowList)
            return options.AllowedOrigins.Any(allowed => string.Equals(allowed.TrimEnd('/'), value, StringComparison.OrdinalIgnoreCase));
        return Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, host, StringComparison.OrdinalIgnoreCase);
    }

    private static string? ChooseSubProtocol(StringValues requested, IReadOnlyList<string> supported)
    {
        if (supported.Count == 0 || StringValues.IsNullOrEmpty(requested))
            return null;
        foreach (var line in requested)
        {
            if (line is null)
                continue;
            foreach (var range in line.AsSpan().Split(','))
            {
                var candidate = line.AsSpan()[range].Trim(" \t");
                foreach (var protocol in supported)
                {
                    // Subprotocol names are tokens compared exactly (§11.3.4 registers them case-sensitively).
                    if (candidate.SequenceEqual(protocol))
                        return protocol;
                }
            }
        }

        return null;
    }

    /// <summary>Whether the Upgrade header names websocket: the cheap test that routes a request to <see cref="WebSocketAcceptor"/>.</summary>
    public static bool HasWebSocketUpgrade(HttpRequest request) =>
        WebSocketHandshake.HeaderContainsToken(request.Headers[HeaderNames.Upgrade], "websocket");
}
