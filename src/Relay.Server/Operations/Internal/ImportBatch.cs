using System.Buffers;
using Relay.Nostr.Events;

namespace Relay.Server.Operations.Internal;

/// <summary>
/// Up to one transaction's worth of input lines, each stored already wrapped as <c>["EVENT",line]</c> in one
/// pooled arena, so the relay's own message parser checks them with no copy beyond this one. Filled by the reading
/// thread, checked in parallel (each index by one thread), then written by the writing thread: the handoffs are
/// task completions, which order memory.
/// </summary>
/// <remarks>The arena is rented here and returned by <see cref="Dispose"/>, called by the importer after the write.</remarks>
internal sealed class ImportBatch : IDisposable
{
    /// <summary>What <c>relay serve</c> receives for a publish: the line becomes the event of an <c>EVENT</c> message.</summary>
    public static ReadOnlySpan<byte> Prefix => "[\"EVENT\","u8;

    /// <summary>Bytes added around each line.</summary>
    public static int WrapOverhead => Prefix.Length + 1;

    private byte[] _arena;
    private int _used;

    public ImportBatch(int capacity, int expectedLineBytes)
    {
        Starts = new int[capacity];
        Lengths = new int[capacity];
        Outcomes = new ImportOutcome?[capacity];
        Events = new NostrEvent?[capacity];
        _arena = ArrayPool<byte>.Shared.Rent(Math.Max(1 << 16, capacity * (expectedLineBytes + WrapOverhead)));
    }

    /// <summary>Lines held.</summary>
    public int Count { get; private set; }

    /// <summary>Start of line i in the arena (wrapped).</summary>
    public int[] Starts { get; }

    /// <summary>Length of line i (wrapped).</summary>
    public int[] Lengths { get; }

    /// <summary>Decided outcome of line i, or null while it still needs the writer.</summary>
    public ImportOutcome?[] Outcomes { get; }

    /// <summary>The checked event of line i when it goes to the writer.</summary>
    public NostrEvent?[] Events { get; }

    /// <summary>Blank lines skipped while filling this batch.</summary>
    public long BlankLines { get; set; }

    /// <summary>Input position after the last line of this batch.</summary>
    public long EndPosition { get; set; }

    public bool IsFull => Count == Starts.Length;

    public ReadOnlySpan<byte> Wrapped(int index) => _arena.AsSpan(Starts[index], Lengths[index]);

    /// <summary>Adds a line to be checked.</summary>
    public void Add(ReadOnlySpan<byte> line)
    {
        var length = line.Length + WrapOverhead;
        if (_used + length > _arena.Length)
        {
            Grow(_used + length);
        }

        var target = _arena.AsSpan(_used, length);
        Prefix.CopyTo(target);
        line.CopyTo(target[Prefix.Length..]);
        target[^1] = (byte)']';
        Starts[Count] = _used;
        Lengths[Count] = length;
        Outcomes[Count] = null;
        Events[Count] = null;
        _used += length;
        Count++;
    }

    /// <summary>Adds a line already decided (too long).</summary>
    public void AddDecided(ImportOutcome outcome)
    {
        Starts[Count] = _used;
        Lengths[Count] = 0;
        Outcomes[Count] = outcome;
        Events[Count] = null;
        Count++;
    }

    public void Dispose()
    {
        var arena = _arena;
        _arena = [];
        if (arena.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(arena);
        }
    }

    private void Grow(int needed)
    {
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _arena.Length * 2));
        _arena.AsSpan(0, _used).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_arena);
        _arena = bigger;
    }
}
