namespace Relay.Server.Diagnostics;

/// <summary>The <c>initiator</c> label of <c>relay_ws_close_total</c>: who started the closing handshake.</summary>
public enum CloseInitiator
{
    /// <summary>The relay sent the first Close frame (<c>relay</c>).</summary>
    Relay,

    /// <summary>The client sent the first Close frame (<c>client</c>).</summary>
    Client,

    /// <summary>No closing handshake: the TCP connection ended (<c>none</c>, with code 1006, RFC 6455 §7.1.5).</summary>
    None,
}
