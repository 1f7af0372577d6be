using System.Buffers;

namespace Relay.WebSockets.Tests.Support;

/// <summary>Every way of splitting an input that the tests feed to incremental code.</summary>
public static class Splits
{
    /// <summary>The input whole, in two pieces at every offset, and one byte at a time.</summary>
    public static IEnumerable<byte[][]> Of(byte[] input)
    {
        yield return [input];
        for (var k = 0; k <= input.Length; k++)
            yield return [input[..k], input[k..]];
        yield return input.Select(b => new[] { b }).ToArray();
    }

    /// <summary>A multi-segment sequence over the given pieces (empty pieces included).</summary>
    public static ReadOnlySequence<byte> Sequence(byte[][] pieces)
    {
        if (pieces.Length == 1)
            return new ReadOnlySequence<byte>(pieces[0]);
        Segment? first = null, last = null;
        foreach (var piece in pieces)
        {
            var segment = new Segment(piece, last?.RunningIndex + last?.Memory.Length ?? 0);
            if (last is null)
                first = segment;
            else
                last.SetNext(segment);
            last = segment;
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public void SetNext(Segment next) => Next = next;
    }
}
