using System.IO.Pipelines;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Relay.WebSockets;
using Relay.WebSockets.Internal;

using DotNetMessageType = System.Net.WebSockets.WebSocketMessageType;
using RelayMessageType = Relay.WebSockets.WebSocketMessageType;

namespace Relay.Benchmarks.WebSockets;

/// <summary>
/// A client sends a message, the server echoes it, the client receives the echo: both ends in process over the
/// same in-memory pipes, with continuations run inline so thread hops do not drown the codec's cost.
/// Baseline: a System.Net.WebSockets client/server pair over identical pipes.
/// </summary>
public class EchoRoundTripBenchmarks : WebSocketBenchmark
{
    private byte[] _dotnetClientBuffer = null!;
    private WebSocket _dotnetClient = null!;
    private WebSocket _dotnetServer = null!;
    private Task _dotnetEcho = null!;
    private WebSocketConnection _ourClient = null!;
    private WebSocketConnection _ourServer = null!;
    private Task _ourEcho = null!;

    [GlobalSetup]
    public void Setup()
    {
        CreatePayload();
        _dotnetClientBuffer = new byte[PayloadSize + 1024];

        var (serverEnd, clientEnd) = InMemoryDuplexStream.CreatePair(PipeScheduler.Inline);
        _dotnetServer = WebSocket.CreateFromStream(serverEnd, DotNetOptions(isServer: true));
        _dotnetClient = WebSocket.CreateFromStream(clientEnd, DotNetOptions(isServer: false));
        _dotnetEcho = DotNetEchoAsync(_dotnetServer, PayloadSize);

        (_ourServer, _ourClient) = InMemoryConnections.CreatePair(Limits, scheduler: PipeScheduler.Inline);
        _ourEcho = RelayEchoAsync(_ourServer);
    }

    private static async Task DotNetEchoAsync(WebSocket server, int size)
    {
        var buffer = new byte[size + 1024];
        while (true)
        {
            var result = await server.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
            if (result.MessageType == DotNetMessageType.Close)
            {
                // ManagedWebSocket leaves answering the close to the application.
                await server.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                return;
            }

            await server.SendAsync(buffer.AsMemory(0, result.Count), result.MessageType, result.EndOfMessage, CancellationToken.None);
        }
    }

    private static async Task RelayEchoAsync(WebSocketConnection server)
    {
        while (true)
        {
            var message = await server.ReceiveAsync();
            if (message.IsClose || !await server.SendAsync(message.Payload, message.Type))
                return;
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _dotnetClient.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        await _dotnetEcho;
        await _ourClient.CloseAsync();
        await _ourEcho;
        await _ourClient.DisposeAsync();
        await _ourServer.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "System.Net.WebSockets echo")]
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<int> DotNetEcho()
    {
        await _dotnetClient.SendAsync(Payload.AsMemory(), DotNetMessageType.Binary, true, CancellationToken.None);
        var received = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await _dotnetClient.ReceiveAsync(_dotnetClientBuffer.AsMemory(received), CancellationToken.None);
            received += result.Count;
        }
        while (!result.EndOfMessage);
        return received;
    }

    [Benchmark(Description = "Relay echo")]
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<int> RelayEcho()
    {
        await _ourClient.SendAsync(Payload, RelayMessageType.Binary);
        var message = await _ourClient.ReceiveAsync();
        return message.Payload.Length;
    }
}
