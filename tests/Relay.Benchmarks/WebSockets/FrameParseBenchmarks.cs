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
/// Receiving one masked client frame on the server side: header parse, unmask, message handed to the caller.
/// Baseline: System.Net.WebSockets (ManagedWebSocket via WebSocket.CreateFromStream) reading the same bytes.
/// </summary>
public class FrameParseBenchmarks : WebSocketBenchmark
{
    private byte[] _frame = null!;
    private byte[] _scratch = null!;
    private byte[] _receiveBuffer = null!;
    private WebSocket _dotnet = null!;
    private WebSocketConnection _ours = null!;
    private FrameReadRules _rules;

    [GlobalSetup]
    public void Setup()
    {
        _frame = BenchmarkFrames.MaskedBinary(PayloadSize);
        _scratch = (byte[])_frame.Clone();
        _receiveBuffer = new byte[PayloadSize + 1024];
        _dotnet = WebSocket.CreateFromStream(new ReplayStream(_frame), DotNetOptions(isServer: true));
        _ours = new WebSocketConnection(new StreamTransport(new ReplayStream(_frame), false), isServer: true, Limits, null, null, null, null);
        _rules = new FrameReadRules(ExpectMasked: true, 0, 1 << 20, 1 << 20);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _dotnet.Dispose();
        await _ours.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "System.Net.WebSockets ReceiveAsync")]
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<int> DotNetReceive()
    {
        var result = await _dotnet.ReceiveAsync(_receiveBuffer.AsMemory(), CancellationToken.None);
        return result.Count;
    }

    [Benchmark(Description = "Relay ReceiveAsync")]
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<int> RelayReceive()
    {
        var message = await _ours.ReceiveAsync();
        return message.Payload.Length;
    }

    [Benchmark(Description = "Relay codec: TryParse + Masking.Apply")]
    public int RelayCodec()
    {
        FrameHeaderParser.TryParse(_scratch, _rules, false, 0, out var header, out var headerLength, out _);
        Masking.Apply(_scratch.AsSpan(headerLength, (int)header.PayloadLength), header.MaskKey, 0);
        return headerLength;
    }
}
