namespace Relay.WebSockets;

/// <summary>Which side started the end of a connection.</summary>
public enum CloseInitiator
{
    /// <summary>We sent the first close frame (a local close, a limit, or a protocol error by the peer).</summary>
    Local,

    /// <summary>The peer sent the first close frame, or dropped the transport without one.</summary>
    Remote,
}
