namespace Relay.WebSockets.Handshake;

/// <summary>Maps <see cref="HandshakeError"/> to the HTTP status we answer with.</summary>
public static class HandshakeErrors
{
    /// <summary>The response status for a refused handshake. This is the only place that decides it.</summary>
    public static int ToStatusCode(HandshakeError error) => error switch
    {
        HandshakeError.None => 101,
        HandshakeError.PathNotFound => 404,
        // RFC 9110 §15.5.6: 405 comes with an Allow header (we send "Allow: GET").
        HandshakeError.MethodNotAllowed => 405,
        // RFC 6455 §4.2.2 item 4: a version we do not speak is answered 426 with Sec-WebSocket-Version: 13.
        HandshakeError.UnsupportedVersion => 426,
        HandshakeError.OriginNotAllowed => 403,
        // §4.2.1: missing or malformed fields are a bad request.
        _ => 400,
    };
}
