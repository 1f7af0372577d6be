namespace Relay.Actors.Internal;

/// <summary>
/// The mailbox's user-message queue: an unbounded, lock-free multi-producer / single-consumer FIFO made of
/// ring segments. The first segment is tiny (an idle actor holds <see cref="InitialCapacity"/> slots, where
/// <see cref="System.Collections.Concurrent.ConcurrentQueue{T}"/> always starts at 32); when the tail ring is
/// full, it is frozen and a successor twice its size is linked, up to <see cref="MaxCapacity"/>. Once the
/// consumer has left the older segments, the last one is reused as a ring, so in steady state an enqueue
/// allocates nothing.
/// </summary>
/// <remarks>
/// <para>Thread-safety: <see cref="Enqueue"/>, <see cref="Count"/> and <see cref="IsEmpty"/> may be called
/// from any thread. <see cref="TryDequeue"/> must be called by one thread at a time (the mailbox guarantees
/// it with its Scheduled bit while the actor runs, and with its drain guard once it is closed); successive
/// consumers on different threads are fine as long as their calls are ordered by a full fence.</para>
/// <para>Order: each producer's items come out in the order it enqueued them. A producer only moves to the
/// next segment after the current one is frozen (no enqueue can land in it any more), and the consumer only
/// leaves a frozen segment once every slot reserved in it has been taken, so no later item overtakes an
/// earlier one.</para>
/// <para>Emptiness is decided on reservations, not on published items: an item whose producer has reserved
/// its slot but not yet written it counts as present (the consumer waits the few instructions it takes).
/// That keeps the mailbox's status protocol sound: the producer's reservation is an interlocked operation
/// made before it reads the mailbox status, so a consumer that clears Scheduled and then checks
/// <see cref="IsEmpty"/> cannot miss it.</para>
/// </remarks>
internal sealed partial class MpscQueue<T>
{
    /// <summary>Slots of the first segment. Two: the mailbox of an idle actor (the relay keeps two per
    /// connection) is empty nearly all the time, and one that does receive a burst doubles its way up in a
    /// few allocations (2, 4, 8, …).</summary>
    internal const int InitialCapacity = 2;

    /// <summary>Largest segment: 2^20 slots, ConcurrentQueue's own cap. A backlog that outgrows the ring makes
    /// every further segment cost one slot per message, so the cap sits above the backlogs the kernel sees
    /// (the benchmarks queue up to a million messages); a bounded mailbox never gets near it.</summary>
    internal const int MaxCapacity = 1 << 20;

    /// <summary>Segments from this size on keep their positions on separate cache lines (PaddedPositions):
    /// a busy ring otherwise bounces one line between the producers' compare-and-swap and the consumer's
    /// position write on every message (the 4 → 1 benchmark lost about a third of its throughput). Below it,
    /// an idle or lightly used mailbox keeps the 150 bytes.</summary>
    internal const int PaddedFromCapacity = 64;

    private readonly int _maxCapacity;
    private Segment _head;              // consumer side: the segment being dequeued from
    private volatile Segment _tail;     // the segment producers enqueue into

    public MpscQueue()
        : this(MaxCapacity)
    {
    }

    /// <summary>A queue whose segments stop growing at <paramref name="maxCapacity"/> slots (a power of two):
    /// tests use a small cap so that segments freeze and get replaced all the time.</summary>
    internal MpscQueue(int maxCapacity)
    {
        if (maxCapacity < InitialCapacity || !int.IsPow2(maxCapacity))
            ThrowHelper.ThrowNotPowerOfTwoCapacity(maxCapacity);
        _maxCapacity = maxCapacity;
        _head = _tail = new Segment(InitialCapacity);
    }

    /// <summary>Items enqueued and not yet dequeued (a snapshot, approximate while producers or the consumer
    /// run); for the depth gauge.</summary>
    public int Count
    {
        get
        {
            long count = 0;
            for (var segment = Volatile.Read(ref _head); segment is not null; segment = segment.Next)
                count += segment.Reserved();
            return (int)Math.Min(count, int.MaxValue);
        }
    }

    /// <summary>True when no item is reserved or published (see the remarks on reservations).</summary>
    public bool IsEmpty
    {
        get
        {
            for (var segment = Volatile.Read(ref _head); segment is not null; segment = segment.Next)
            {
                if (segment.Reserved() > 0) return false;
            }
            return true;
        }
    }

    /// <summary>Capacity of the segment producers currently use (tests and diagnostics).</summary>
    internal int TailCapacity => _tail.Capacity;

    /// <summary>Appends an item. Lock-free except when the tail ring is full, where the producers that find
    /// it full serialise on that segment to link one successor.</summary>
    public void Enqueue(in T item)
    {
        var tail = _tail;
        if (tail.TryEnqueue(item)) return;
        EnqueueSlow(item);
    }

    private void EnqueueSlow(in T item)
    {
        while (true)
        {
            var tail = _tail;
            if (tail.TryEnqueue(item)) return;
            // Full, or frozen by another producer. Only one producer links a successor to a given segment.
            lock (tail)
            {
                if (tail.Next is null)
                {
                    tail.Freeze();
                    var next = new Segment(Math.Min(tail.Capacity * 2, _maxCapacity));
                    // Publish the successor only after the freeze: a consumer that sees Next knows that the
                    // frozen segment's reservations are final.
                    tail.Next = next;
                    _tail = next;
                }
            }
        }
    }

    /// <summary>Takes the oldest item; false when the queue is empty. Single consumer.</summary>
    public bool TryDequeue(out T item)
    {
        var head = _head;
        while (true)
        {
            if (head.TryDequeue(out item)) return true;
            var next = head.Next;
            if (next is null) return false;
            // Next is published after the freeze, so this second look sees the final reservations: a
            // producer may have reserved a slot between the first look and the freeze.
            if (head.TryDequeue(out item)) return true;
            Volatile.Write(ref _head, next);
            head = next;
        }
    }
}
