using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Relay.WebSockets.Tests.Support;

/// <summary>A plain TCP client that writes hand-made HTTP requests and frames and reads what comes back.</summary>
public sealed class RawConnection : IAsyncDisposable
{
    public const string SampleKey = "dGhlIHNhbXBsZSBub25jZQ==";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;

    private ReadOnlySpan<byte> Received => _buffer.AsSpan(_start, _end - _start);

    private RawConnection(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    public static async Task<RawConnection> ConnectAsync(IPEndPoint endPoint)
    {
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(endPoint).WaitAsync(Bound);
        return new RawConnection(client);
    }

    /// <summary>A valid opening handshake for <paramref name="path"/> with extra header lines.</summary>
    public static string Request(string path = "/", params string[] extraHeaders) =>
        $"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {SampleKey}\r\nSec-WebSocket-Version: 13\r\n"
        + string.Concat(extraHeaders.Select(header => header + "\r\n")) + "\r\n";

    public Task SendAsync(string text) => SendAsync(Encoding.ASCII.GetBytes(text));

    public async Task SendAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes).AsTask().WaitAsync(Bound);
        await _stream.FlushAsync();
    }

    /// <summary>Reads an HTTP response head; returns status, headers and the body bytes already read.</summary>
    public async Task<(int Status, Dictionary<string, string> Headers)> ReadResponseHeadAsync()
    {
        while (true)
        {
            var text = Encoding.Latin1.GetString(Received);
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                _start += end + 4;
                var lines = text[..end].Split("\r\n");
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var line in lines.Skip(1))
                {
                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    headers[line[..colon]] = line[(colon + 1)..].Trim();
                }

                return (int.Parse(lines[0].Split(' ')[1]), headers);
            }

            if (!await ReadMoreAsync())
                throw new IOException("connection closed before the response head ended");
        }
    }

    /// <summary>Reads frames until one with <paramref name="opcode"/> arrives (or the connection ends): returns all read.</summary>
    public async Task<List<Frames.Decoded>> ReadFramesUntilAsync(byte opcode)
    {
        var frames = new List<Frames.Decoded>();
        while (true)
        {
            while (Frames.TryDecodeOne(Received, out var frame, out var used))
            {
                _start += used;
                frames.Add(frame);
                if (frame.Opcode == opcode)
                    return frames;
            }

            if (!await ReadMoreAsync())
                return frames;
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> frames (fewer if the connection ends).</summary>
    public async Task<List<Frames.Decoded>> ReadFramesAsync(int count)
    {
        var frames = new List<Frames.Decoded>();
        while (frames.Count < count)
        {
            if (Frames.TryDecodeOne(Received, out var frame, out var used))
            {
                _start += used;
                frames.Add(frame);
            }
            else if (!await ReadMoreAsync())
            {
                break;
            }
        }

        return frames;
    }

    /// <summary>Waits until the server closes the TCP connection; true if it did within the bound.</summary>
    public async Task<bool> WaitForServerToCloseAsync(TimeSpan? within = null)
    {
        try
        {
            using var timeout = new CancellationTokenSource(within ?? Bound);
            var buffer = new byte[4096];
            while (await _stream.ReadAsync(buffer, timeout.Token) > 0)
            {
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (IOException)
        {
            return true; // reset
        }
    }

    private async Task<bool> ReadMoreAsync()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_buffer.Length - _end < 1 << 16)
            Array.Resize(ref _buffer, _buffer.Length * 2);
        using var timeout = new CancellationTokenSource(Bound);
        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), timeout.Token);
        _end += read;
        return read > 0;
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
