using System.Buffers;
using Relay.Nostr;
using Relay.Nostr.Events;

namespace Relay.Server.Operations.Internal;

/// <summary>
/// Passes on only the JSONL lines whose event has one of the given authors (<c>relay export --authors</c>; the
/// store's export filters by time and kind only). Lines are the store's canonical JSON, which always begins
/// <c>{"id":"&lt;64 hex&gt;","pubkey":"</c>, so the author is read at that fixed place; a line of another shape is
/// parsed in full instead. Buffers at most one line.
/// </summary>
/// <remarks>Write-only, not thread-safe; <see cref="Stream.Flush"/> passes through.</remarks>
internal sealed class AuthorFilterStream : Stream
{
    private static ReadOnlySpan<byte> CanonicalHead => "{\"id\":\""u8;
    private static ReadOnlySpan<byte> PubKeyKey => "\",\"pubkey\":\""u8;
    private static readonly int PubKeyOffset = CanonicalHead.Length + Relay.Nostr.Events.EventId.HexLength + PubKeyKey.Length;

    private readonly Stream _inner;
    private readonly HashSet<PublicKey> _authors;
    private readonly ArrayBufferWriter<byte> _line = new(4096);

    public AuthorFilterStream(Stream inner, IEnumerable<PublicKey> authors)
    {
        _inner = inner;
        _authors = [.. authors];
    }

    /// <summary>Lines passed on.</summary>
    public long LinesWritten { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var newline = buffer.IndexOf((byte)'\n');
            if (newline < 0)
            {
                _line.Write(buffer);
                return;
            }

            _line.Write(buffer[..newline]);
            buffer = buffer[(newline + 1)..];
            if (Matches(_line.WrittenSpan))
            {
                _inner.Write(_line.WrittenSpan);
                _inner.WriteByte((byte)'\n');
                LinesWritten++;
            }

            _line.ResetWrittenCount();
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush() => _inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private bool Matches(ReadOnlySpan<byte> line)
    {
        if (line.Length > PubKeyOffset + PublicKey.HexLength
            && line.StartsWith(CanonicalHead)
            && line[(CanonicalHead.Length + Relay.Nostr.Events.EventId.HexLength)..].StartsWith(PubKeyKey)
            && PublicKey.TryParse(line.Slice(PubKeyOffset, PublicKey.HexLength), out var author))
        {
            return _authors.Contains(author);
        }

        return NostrEvent.TryParse(line, NostrLimits.Default, out var nostrEvent, out _) && _authors.Contains(nostrEvent.PubKey);
    }
}
