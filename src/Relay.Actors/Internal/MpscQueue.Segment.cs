using System.Runtime.CompilerServices;

namespace Relay.Actors.Internal;

internal sealed partial class MpscQueue<T>
{
    /// <summary>
    /// One ring of a power-of-two number of slots: Dmitry Vyukov's bounded queue, where each slot carries a
    /// sequence number saying whose turn it is. Slot <c>i</c> of lap <c>n</c> (position <c>p = n·capacity +
    /// i</c>) is free for the producer of <c>p</c> when its sequence is <c>p</c>, holds that producer's item
    /// when it is <c>p + 1</c>, and is free again for position <c>p + capacity</c> once the consumer has
    /// taken the item. Positions are <see cref="long"/>s, so they never wrap in practice (2^63 messages).
    /// </summary>
    /// <remarks>
    /// Freezing adds <c>2 × capacity</c> to the producers' position: every producer that reads it finds a
    /// slot whose sequence is lower than its position (exactly the "full" case) and moves on to the
    /// successor, and a producer still holding an older position fails its compare-and-swap. The consumer
    /// recognises a frozen position because it is more than a capacity ahead of its own.
    /// </remarks>
    private sealed class Segment
    {
        private readonly Slot[] _slots;
        private readonly PaddedPositions? _padded;   // large segments: the positions live there instead
        private long _tail;                 // next position to reserve; + FreezeOffset once frozen
        private long _head;                 // next position to take (written by the consumer only)

        public Segment(int capacity)
        {
            _slots = new Slot[capacity];
            for (var i = 0; i < capacity; i++) _slots[i].Sequence = i;
            if (capacity >= PaddedFromCapacity) _padded = new PaddedPositions();
        }

        /// <summary>Producers' position: in this object for small segments, on its own cache line for large ones.</summary>
        private ref long Tail => ref _padded is null ? ref _tail : ref _padded.Tail;

        /// <summary>Consumer's position: in this object for small segments, on its own cache line for large ones.</summary>
        private ref long Head => ref _padded is null ? ref _head : ref _padded.Head;

        /// <summary>The successor, set once, after <see cref="Freeze"/>.</summary>
        public volatile Segment? Next;

        public int Capacity => _slots.Length;

        private long FreezeOffset => 2L * _slots.Length;

        /// <summary>Reserves a slot and publishes the item; false when the ring is full or frozen.</summary>
        public bool TryEnqueue(in T item)
        {
            var slots = _slots;
            var mask = slots.Length - 1;
            while (true)
            {
                var position = Volatile.Read(ref Tail);
                ref var slot = ref slots[(int)position & mask];
                var lag = Volatile.Read(ref slot.Sequence) - position;
                if (lag == 0)
                {
                    if (Interlocked.CompareExchange(ref Tail, position + 1, position) == position)
                    {
                        slot.Item = item;
                        Volatile.Write(ref slot.Sequence, position + 1);
                        return true;
                    }
                }
                else if (lag < 0)
                {
                    // The slot still holds the item of one lap ago (full), or the position was pushed past
                    // every slot by Freeze.
                    return false;
                }
                // lag > 0: another producer took this position first; read the position again.
            }
        }

        /// <summary>Takes the item at the consumer's position. When its producer has reserved the slot but not
        /// yet written it, waits for it (a few instructions, unless that thread was preempted). Single consumer.</summary>
        public bool TryDequeue(out T item)
        {
            ref var head = ref Head;
            var position = head;
            ref var slot = ref _slots[(int)position & (_slots.Length - 1)];
            var spinner = default(SpinWait);
            while (true)
            {
                if (Volatile.Read(ref slot.Sequence) == position + 1)
                {
                    item = slot.Item;
                    if (RuntimeHelpers.IsReferenceOrContainsReferences<T>()) slot.Item = default!;   // let it be collected
                    Volatile.Write(ref head, position + 1);
                    Volatile.Write(ref slot.Sequence, position + _slots.Length);
                    return true;
                }
                if (Reserved() == 0)
                {
                    item = default!;
                    return false;
                }
                spinner.SpinOnce(sleep1Threshold: -1);
            }
        }

        /// <summary>Positions reserved and not yet taken, 0 to capacity (a snapshot when read from a thread other
        /// than the consumer).</summary>
        public long Reserved()
        {
            // Head first: the tail read afterwards is at least that head. Exact on the consumer's thread; from
            // another thread, a consumer and producers running meanwhile can push the difference past one
            // capacity, which reads as "frozen" and clamps to 0 — an approximation only the gauge sees, since
            // the mailbox asks IsEmpty from other threads only when no consumer can be running.
            var head = Volatile.Read(ref Head);
            var reserved = Volatile.Read(ref Tail) - head;
            if (reserved > _slots.Length) reserved -= FreezeOffset;   // frozen: reserved is 2–3 capacities
            return Math.Max(reserved, 0);
        }

        /// <summary>Stops every further enqueue. Called once, by the producer that links the successor.</summary>
        public void Freeze() => Interlocked.Add(ref Tail, FreezeOffset);

        private struct Slot
        {
            public T Item;
            public long Sequence;
        }
    }
}
