using FsCheck;
using FsCheck.Fluent;
using Relay.Actors.Internal;

namespace Relay.Actors.Tests.Internal;

/// <summary>The mailbox's multi-producer / single-consumer segmented queue, tested directly.</summary>
public sealed class MpscQueueTests
{
    /// <summary>Two references, like the mailbox's envelope: what a slot holds in production.</summary>
    private readonly record struct Item(object Message, object? Sender);

    [Fact]
    public void A_new_queue_is_empty_and_holds_a_tiny_first_segment()
    {
        var queue = new MpscQueue<int>();
        Assert.True(queue.IsEmpty);
        Assert.Equal(0, queue.Count);
        Assert.False(queue.TryDequeue(out _));
        Assert.Equal(MpscQueue<int>.InitialCapacity, queue.TailCapacity);
        Assert.InRange(MpscQueue<int>.InitialCapacity, 2, 4);
    }

    [Fact]
    public void Items_come_out_in_order_across_segments_that_grow_by_doubling()
    {
        var queue = new MpscQueue<int>();
        const int n = 10_000;
        for (var i = 0; i < n; i++)
        {
            queue.Enqueue(i);
            Assert.Equal(i + 1, queue.Count);
        }
        // 2 + 4 + … + 4096 = 8190 < 10,000 ≤ 16,382: the tail segment is the 8,192-slot one.
        Assert.Equal(8192, queue.TailCapacity);
        for (var i = 0; i < n; i++)
        {
            Assert.True(queue.TryDequeue(out var item));
            Assert.Equal(i, item);
            Assert.Equal(n - i - 1, queue.Count);
        }
        Assert.True(queue.IsEmpty);
        Assert.False(queue.TryDequeue(out _));
    }

    [Fact]
    public void Segments_stop_growing_at_the_cap()
    {
        var queue = new MpscQueue<byte>();
        const int n = (MpscQueue<byte>.MaxCapacity * 3) + 5;
        for (var i = 0; i < n; i++) queue.Enqueue((byte)i);
        Assert.Equal(MpscQueue<byte>.MaxCapacity, queue.TailCapacity);
        Assert.Equal(n, queue.Count);
        for (var i = 0; i < n; i++)
        {
            Assert.True(queue.TryDequeue(out var item));
            if (item != (byte)i) Assert.Fail($"item {i} came out as {item}");
        }
        Assert.True(queue.IsEmpty);
    }

    [Fact]
    public void Once_the_ring_is_large_enough_enqueue_and_dequeue_allocate_nothing()
    {
        var queue = new MpscQueue<Item>();
        var message = new object();
        // Warm up with backlogs of 100, twice: the first fills 2 + 4 + … + 64 = 126 slots, the second needs
        // more than the 64-slot tail and links a 128-slot ring, which is then reused.
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 100; i++) queue.Enqueue(new Item(message, null));
            while (queue.TryDequeue(out _))
            {
            }
        }
        var capacity = queue.TailCapacity;
        Assert.Equal(128, capacity);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 1_000; round++)
        {
            for (var i = 0; i < 100; i++) queue.Enqueue(new Item(message, null));
            for (var i = 0; i < 100; i++) Assert.True(queue.TryDequeue(out _));
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(capacity, queue.TailCapacity);
        Assert.True(queue.IsEmpty);
    }

    [Fact]
    public void Dequeued_slots_no_longer_reference_their_items()
    {
        var queue = new MpscQueue<Item>();
        var weak = EnqueueAndDequeueGarbage(queue);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(weak.IsAlive);
    }

    private static WeakReference EnqueueAndDequeueGarbage(MpscQueue<Item> queue)
    {
        var message = new object();
        queue.Enqueue(new Item(message, message));
        Assert.True(queue.TryDequeue(out _));
        return new WeakReference(message);
    }

    [Fact]
    public void Any_interleaving_of_enqueues_and_dequeues_behaves_like_a_fifo_queue()
    {
        // true = enqueue the next number, false = dequeue; checked against Queue<T> step by step.
        var property = Prop.ForAll(ArbMap.Default.ArbFor<bool[]>(), operations =>
        {
            var queue = new MpscQueue<int>();
            var model = new Queue<int>();
            var next = 0;
            foreach (var enqueue in operations)
            {
                if (enqueue)
                {
                    queue.Enqueue(next);
                    model.Enqueue(next++);
                }
                else
                {
                    var expected = model.TryDequeue(out var modelItem);
                    Assert.Equal(expected, queue.TryDequeue(out var item));
                    if (expected) Assert.Equal(modelItem, item);
                }
                Assert.Equal(model.Count, queue.Count);
                Assert.Equal(model.Count == 0, queue.IsEmpty);
            }
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(3000).WithEndSize(400), property);
    }

    [Theory]
    [InlineData(MpscQueue<long>.MaxCapacity)]
    [InlineData(4)]        // segments of 4 slots: a full ring is frozen and replaced every few items
    public async Task Concurrent_producers_lose_nothing_duplicate_nothing_and_keep_their_own_order(int maxCapacity)
    {
        const int producers = 4;
        const int perProducer = 500_000;
        var queue = new MpscQueue<long>(maxCapacity);
        using var start = new Barrier(producers + 1);

        var tasks = new Task[producers];
        for (var p = 0; p < producers; p++)
        {
            var producer = p;
            tasks[p] = Task.Factory.StartNew(() =>
            {
                start.SignalAndWait();
                for (long seq = 0; seq < perProducer; seq++) queue.Enqueue(((long)producer << 32) | seq);
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        var consumer = Task.Factory.StartNew(() =>
        {
            var nextSeq = new long[producers];
            var received = 0L;
            var idle = 0L;
            var spinner = default(SpinWait);
            start.SignalAndWait();
            // Bounded in count: every item is taken once, so the loop ends after producers × perProducer
            // items; the idle bound only stops a broken queue from spinning forever.
            while (received < producers * (long)perProducer && idle < 50_000_000)
            {
                if (!queue.TryDequeue(out var item))
                {
                    idle++;
                    spinner.SpinOnce(sleep1Threshold: -1);
                    continue;
                }
                var producer = (int)(item >> 32);
                var seq = item & 0xFFFF_FFFF;
                // Equal to the next expected: nothing lost before it, no duplicate, in this producer's order.
                if (seq != nextSeq[producer])
                    return $"producer {producer}: expected #{nextSeq[producer]}, got #{seq}";
                nextSeq[producer]++;
                received++;
                // Let a backlog build now and then, so segments fill, freeze and grow under contention.
                if ((received & 0xFFFF) == 0) Thread.Yield();
            }
            return received == producers * (long)perProducer ? null : $"only {received} items arrived";
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(60));
        var failure = await consumer.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Null(failure);
        Assert.True(queue.IsEmpty);
        Assert.Equal(0, queue.Count);
        Assert.False(queue.TryDequeue(out _));
    }

    [Fact]
    public async Task Count_seen_from_another_thread_stays_within_what_was_enqueued()
    {
        const int total = 300_000;
        var queue = new MpscQueue<int>();
        var done = 0;
        var observer = Task.Run(() =>
        {
            var worst = 0;
            for (var i = 0; i < 1_000_000 && Volatile.Read(ref done) == 0; i++)
            {
                var count = queue.Count;
                if (count < 0 || count > total) worst = count;
            }
            return worst;
        });
        await Task.Run(() =>
        {
            for (var i = 0; i < total; i++)
            {
                queue.Enqueue(i);
                if (i % 3 == 0) queue.TryDequeue(out _);
            }
        }).WaitAsync(TimeSpan.FromSeconds(60));
        Volatile.Write(ref done, 1);
        Assert.Equal(0, await observer.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(total - ((total + 2) / 3), queue.Count);
    }
}
