using System.Net;
using System.Net.Sockets;
using System.Text;
using Relay.WebSockets.Handshake;

namespace Relay.WebSockets.Tests.Support;

/// <summary>A TCP listener on 127.0.0.1 that answers upgrade requests with whatever a test writes, to check the client's verification.</summary>
public sealed class FakeHttpServer : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public FakeHttpServer() => _listener.Start();

    public Uri Uri => new($"ws://127.0.0.1:{EndPoint.Port}/path?q=1");

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

    public bool HasPendingConnection => _listener.Pending();

    /// <summary>Accepts one connection and reads its request head.</summary>
    public async Task<(TcpClient Client, string Request)> AcceptAsync()
    {
        var client = await _listener.AcceptTcpClientAsync().WaitAsync(Bound);
        var stream = client.GetStream();
        var received = new List<byte>();
        var buffer = new byte[4096];
        while (!Encoding.ASCII.GetString(received.ToArray()).Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(Bound);
            if (read == 0)
                throw new IOException("client closed during its request");
            received.AddRange(buffer.AsSpan(0, read));
        }

        return (client, Encoding.ASCII.GetString(received.ToArray()));
    }

    public static string Header(string request, string name) =>
        request.Split("\r\n").First(line => line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))[(name.Length + 1)..].Trim();

    /// <summary>A correct 101 for the request, plus extra header lines.</summary>
    public static string SwitchingProtocols(string request, params string[] extra) =>
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + $"Sec-WebSocket-Accept: {WebSocketHandshake.ComputeAcceptKey(Header(request, "Sec-WebSocket-Key"))}\r\n"
        + string.Concat(extra.Select(line => line + "\r\n")) + "\r\n";

    public static async Task SendAsync(TcpClient client, string text) => await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(text));

    public void Dispose() => _listener.Stop();
}
