using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Relay.WebSockets;
using Relay.WebSockets.Framing;
using Relay.WebSockets.Internal;

using DotNetMessageType = System.Net.WebSockets.WebSocketMessageType;
using RelayMessageType = Relay.WebSockets.WebSocketMessageType;

namespace Relay.Benchmarks.WebSockets;

/// <summary>
/// Sending one message from the server side (unmasked) to a stream that accepts everything at once.
/// Baseline: System.Net.WebSockets SendAsync.
/// </summary>
[MemoryDiagnoser]
public class FrameWriteBenchmarks
{
    private byte[] _payload = null!;
    private byte[] _output = null!;
    private WebSocket _dotnet = null!;
    private WebSocketConnection _ours = null!;

    [Params(16, 1024, 65536)]
    public int PayloadSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _payload = new byte[PayloadSize];
        new Random(PayloadSize).NextBytes(_payload);
        _output = new byte[PayloadSize + 14];
        _dotnet = WebSocket.CreateFromStream(new ReplayStream([0]), new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
        // Compression off: the comparison is about framing (ManagedWebSocket only compresses when asked to).
        var limits = new WebSocketConnectionOptions { PerMessageDeflate = null, MaxPendingOutboundBytes = 1 << 20 };
        _ours = new WebSocketConnection(new StreamTransport(new ReplayStream([0]), false), isServer: true, limits, null, null, null, null);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _dotnet.Dispose();
        await _ours.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "System.Net.WebSockets SendAsync")]
    public ValueTask DotNetSend() => _dotnet.SendAsync(_payload.AsMemory(), DotNetMessageType.Binary, endOfMessage: true, CancellationToken.None);

    [Benchmark(Description = "Relay SendAsync")]
    public ValueTask<bool> RelaySend() => _ours.SendAsync(_payload, RelayMessageType.Binary);

    [Benchmark(Description = "Relay codec: WriteHeader + copy")]
    public int RelayCodec()
    {
        var headerLength = FrameWriter.WriteHeader(_output, fin: true, 0, WebSocketOpcode.Binary, _payload.Length, masked: false, 0);
        _payload.CopyTo(_output.AsSpan(headerLength));
        return headerLength;
    }
}
