namespace Relay.Server.Operations.Internal;

/// <summary>
/// Splits a stream into lines (LF, with an optional CR before it, as strfry's JSONL and Windows editors write) in
/// constant memory: one buffer of about twice the longest accepted line. A longer line is skipped byte by byte up
/// to its LF and reported as <see cref="LineKind.TooLong"/>, never buffered whole. The last line needs no LF.
/// </summary>
/// <remarks>Not thread-safe: one reader on one thread.</remarks>
internal sealed class JsonLineReader
{
    /// <summary>Smallest read buffer: large reads keep system calls few on a multi-gigabyte dump.</summary>
    private const int MinBufferBytes = 1 << 20;

    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private readonly byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;

    public JsonLineReader(Stream stream, int maxLineBytes)
    {
        _stream = stream;
        _maxLineBytes = maxLineBytes;

        // Room for a whole line of the maximum length plus its CR LF, with space left to read ahead.
        _buffer = new byte[Math.Max(MinBufferBytes, 2 * (maxLineBytes + 2))];
    }

    /// <summary>Bytes consumed so far (every line returned, with its line ending).</summary>
    public long Position { get; private set; }

    /// <summary>Reads the next line; <paramref name="line"/> is valid until the next call.</summary>
    public LineKind Read(out ReadOnlySpan<byte> line)
    {
        var scanned = 0;
        while (true)
        {
            var window = _buffer.AsSpan(_start, _end - _start);
            var newline = window[scanned..].IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var length = scanned + newline;
                Consume(length + 1);
                return Finish(window[..length], out line);
            }

            scanned = window.Length;
            if (scanned > _maxLineBytes + 1)
            {
                // Longer than any accepted line even with a CR: skip to the next LF.
                line = default;
                SkipRestOfLine();
                return LineKind.TooLong;
            }

            if (_eof)
            {
                if (window.IsEmpty)
                {
                    line = default;
                    return LineKind.End;
                }

                Consume(window.Length);
                return Finish(window, out line);
            }

            Fill();
        }
    }

    private LineKind Finish(ReadOnlySpan<byte> raw, out ReadOnlySpan<byte> line)
    {
        if (!raw.IsEmpty && raw[^1] == (byte)'\r')
        {
            raw = raw[..^1];
        }

        line = raw;
        return raw.Length > _maxLineBytes ? LineKind.TooLong : LineKind.Line;
    }

    private void Consume(int count)
    {
        _start += count;
        Position += count;
    }

    private void SkipRestOfLine()
    {
        while (true)
        {
            var window = _buffer.AsSpan(_start, _end - _start);
            var newline = window.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                Consume(newline + 1);
                return;
            }

            Consume(window.Length);
            if (_eof)
            {
                return;
            }

            Fill();
        }
    }

    /// <summary>Moves the unread bytes to the front and reads more after them; sets end-of-input on a zero read.</summary>
    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }
}
