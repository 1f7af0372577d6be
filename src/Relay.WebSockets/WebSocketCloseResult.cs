using Relay.WebSockets.Framing;

namespace Relay.WebSockets;

/// <summary>How a connection ended (<see cref="WebSocketConnection.Completion"/>).</summary>
/// <param name="Code">
/// The close code that describes the end: ours when we initiated, the peer's when it did
/// (<see cref="WebSocketCloseCode.NoStatusReceived"/> for an empty close frame), and
/// <see cref="WebSocketCloseCode.AbnormalClosure"/> when the transport ended without any close frame.
/// </param>
/// <param name="Reason">The close reason that went with <paramref name="Code"/>, possibly empty.</param>
/// <param name="Initiator">Who started the end.</param>
/// <param name="Abnormal">True when the closing handshake did not complete (transport dropped, close timeout, abort).</param>
/// <param name="Error">The peer's protocol violation that made us fail the connection, else <see cref="FrameError.None"/>.</param>
public sealed record WebSocketCloseResult(ushort Code, string Reason, CloseInitiator Initiator, bool Abnormal, FrameError Error);
