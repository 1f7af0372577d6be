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
public class FrameWriteBenchmarks : WebSocketBenchmark
{
    private byte[] _output = null!;
    private WebSocket _dotnet = null!;
    private WebSocketConnection _ours = null!;

    [GlobalSetup]
    public void Setup()
    {
        CreatePayload();
        _output = new byte[PayloadSize + 14];
        _dotnet = WebSocket.CreateFromStream(new ReplayStream([0]), DotNetOptions(isServer: true));
        _ours = new WebSocketConnection(new StreamTransport(new ReplayStream([0]), false), isServer: true, Limits, null, null, null, null);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _dotnet.Dispose();
        await _ours.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "System.Net.WebSockets SendAsync")]
    public ValueTask DotNetSend() => _dotnet.SendAsync(Payload.AsMemory(), DotNetMessageType.Binary, endOfMessage: true, CancellationToken.None);

    [Benchmark(Description = "Relay SendAsync")]
    public ValueTask<bool> RelaySend() => _ours.SendAsync(Payload, RelayMessageType.Binary);

    [Benchmark(Description = "Relay codec: WriteHeader + copy")]
    public int RelayCodec()
    {
        var headerLength = FrameWriter.WriteHeader(_output, fin: true, 0, WebSocketOpcode.Binary, Payload.Length, masked: false, 0);
        Payload.CopyTo(_output.AsSpan(headerLength));
        return headerLength;
    }
}
