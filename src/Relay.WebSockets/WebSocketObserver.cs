namespace Relay.WebSockets;

/// <summary>Ready-made observers.</summary>
public static class WebSocketObserver
{
    /// <summary>An observer that records nothing.</summary>
    public static IWebSocketObserver None { get; } = new NoneObserver();

    private sealed class NoneObserver : IWebSocketObserver;
}
