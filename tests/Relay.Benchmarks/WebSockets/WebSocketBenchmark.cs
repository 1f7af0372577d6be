using System.Net.WebSockets;
using BenchmarkDotNet.Attributes;
using Relay.WebSockets;

namespace Relay.Benchmarks.WebSockets;

/// <summary>
/// Shared shape of the WebSocket codec benchmarks: the payload sizes the issue asks for, a random payload, and
/// the option sets both implementations are compared under (no compression: ManagedWebSocket only compresses
/// when asked to, and the comparison is about framing).
/// </summary>
[MemoryDiagnoser]
public abstract class WebSocketBenchmark
{
    [Params(16, 1024, 65536)]
    public int PayloadSize { get; set; }

    protected byte[] Payload { get; private set; } = [];

    protected static WebSocketConnectionOptions Limits { get; } = new()
    {
        PerMessageDeflate = null,
        MaxMessageSize = 1 << 20,
        MaxFrameSize = 1 << 20,
        MaxPendingOutboundBytes = 1 << 20,
    };

    protected static WebSocketCreationOptions DotNetOptions(bool isServer) => new() { IsServer = isServer, KeepAliveInterval = TimeSpan.Zero };

    protected void CreatePayload()
    {
        Payload = new byte[PayloadSize];
        new Random(PayloadSize).NextBytes(Payload);
    }
}
