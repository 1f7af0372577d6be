namespace Relay.WebSockets;

/// <summary>Close status codes (RFC 6455 §7.4.1, IANA "WebSocket Close Code Number Registry").</summary>
public static class WebSocketCloseCode
{
    /// <summary>1000: the purpose of the connection has been fulfilled.</summary>
    public const ushort NormalClosure = 1000;

    /// <summary>1001: the endpoint is going away (server shutdown, page navigation).</summary>
    public const ushort GoingAway = 1001;

    /// <summary>1002: protocol error.</summary>
    public const ushort ProtocolError = 1002;

    /// <summary>1003: a data type the endpoint cannot accept.</summary>
    public const ushort UnsupportedData = 1003;

    /// <summary>1005: reserved; reports a close frame that carried no code. Never sent on the wire.</summary>
    public const ushort NoStatusReceived = 1005;

    /// <summary>1006: reserved; reports a connection that ended without a close frame. Never sent on the wire.</summary>
    public const ushort AbnormalClosure = 1006;

    /// <summary>1007: message data inconsistent with its type (e.g. text that is not UTF-8).</summary>
    public const ushort InvalidPayloadData = 1007;

    /// <summary>1008: the message violates the endpoint's policy.</summary>
    public const ushort PolicyViolation = 1008;

    /// <summary>1009: a message too big to process.</summary>
    public const ushort MessageTooBig = 1009;

    /// <summary>1010: the client expected the server to negotiate an extension.</summary>
    public const ushort MandatoryExtension = 1010;

    /// <summary>1011: the server hit an unexpected condition.</summary>
    public const ushort InternalServerError = 1011;

    /// <summary>1012: the service is restarting (IANA registry).</summary>
    public const ushort ServiceRestart = 1012;

    /// <summary>1013: try again later (IANA registry).</summary>
    public const ushort TryAgainLater = 1013;

    /// <summary>1014: bad gateway (IANA registry).</summary>
    public const ushort BadGateway = 1014;

    /// <summary>
    /// Whether <paramref name="code"/> may appear in a close frame on the wire. Valid: 1000-1003, 1007-1014
    /// (RFC 6455 §7.4.1 plus the IANA-registered 1012-1014), 3000-3999 (registered), 4000-4999 (private use).
    /// Invalid: below 1000, 1004 (reserved), 1005/1006/1015 (never sent, §7.4.1), unassigned 1016-2999, 5000 and above.
    /// </summary>
    public static bool IsValidOnWire(int code) => code switch
    {
        >= 1000 and <= 1003 => true,
        >= 1007 and <= 1014 => true,
        >= 3000 and <= 4999 => true,
        _ => false,
    };
}
