using System.Runtime.InteropServices;

namespace Relay.Actors.Internal;

/// <summary>
/// The producers' and the consumer's positions of a large <see cref="MpscQueue{T}"/> segment, each on its own
/// cache line: 64 bytes apart from each other and from the object's header (what
/// <c>ConcurrentQueue</c>'s padded head and tail do; x64 and arm64 lines are 64 bytes, and a 128-byte pair
/// prefetch only costs a little more). Not generic, because generic types cannot have an explicit layout.
/// </summary>
/// <remarks>Plain storage; the segment accesses it with volatile and interlocked operations.</remarks>
[StructLayout(LayoutKind.Explicit, Size = 192)]
internal sealed class PaddedPositions
{
    [FieldOffset(64)]
    public long Tail;

    [FieldOffset(128)]
    public long Head;
}
