using System.IO.Compression;
using Relay.WebSockets.Internal;

namespace Relay.WebSockets.Tests.Support;

/// <summary>
/// permessage-deflate payloads made with .NET's own DeflateStream (a zlib build independent of the system libz our
/// codec calls): sync-flushed raw DEFLATE without the trailing 00 00 FF FF (RFC 7692 §7.2.1).
/// </summary>
public sealed class RawDeflate : IDisposable
{
    private readonly MemoryStream _output = new();
    private readonly DeflateStream _deflate;

    public RawDeflate() => _deflate = new DeflateStream(_output, CompressionLevel.Optimal, leaveOpen: true);

    /// <summary>Compresses one message; the stream keeps its window, as with context takeover.</summary>
    public byte[] Compress(ReadOnlySpan<byte> message)
    {
        _output.SetLength(0);
        _deflate.Write(message);
        _deflate.Flush(); // Z_SYNC_FLUSH: ends with 00 00 FF FF
        var bytes = _output.ToArray();
        Assert.Equal(new byte[] { 0, 0, 0xFF, 0xFF }, bytes[^4..]);
        return bytes[..^4];
    }

    public static byte[] CompressOnce(ReadOnlySpan<byte> message)
    {
        using var deflate = new RawDeflate();
        return deflate.Compress(message);
    }

    /// <summary>Inflates payloads of consecutive messages through one inflater (context takeover allowed).</summary>
    public static List<byte[]> Decompress(IEnumerable<byte[]> payloads)
    {
        var input = new ChunkedInput();
        using var inflate = new DeflateStream(input, CompressionMode.Decompress);
        var messages = new List<byte[]>();
        foreach (var payload in payloads)
        {
            input.Append([.. payload, 0, 0, 0xFF, 0xFF]);
            var message = new MemoryStream();
            var buffer = new byte[65536];
            int read;
            while ((read = inflate.Read(buffer)) > 0)
                message.Write(buffer, 0, read);
            messages.Add(message.ToArray());
        }

        return messages;
    }

    public void Dispose()
    {
        _deflate.Dispose();
        _output.Dispose();
    }

    /// <summary>A read-only stream that reports "no more data for now" (0) until more is appended.</summary>
    private sealed class ChunkedInput : AsyncDuplexStream
    {
        private readonly Queue<byte> _bytes = new();

        public void Append(byte[] bytes)
        {
            foreach (var b in bytes)
                _bytes.Enqueue(b);
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = 0;
            while (n < count && _bytes.Count > 0)
                buffer[offset + n++] = _bytes.Dequeue();
            return n;
        }

        public override bool CanWrite => false;
    }
}
