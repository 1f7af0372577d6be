using System.Runtime.CompilerServices;

namespace Relay.Actors.Internal;

/// <summary>
/// An actor's mailbox and its run loop. User messages sit in a lock-free multi-producer / single-consumer
/// queue of struct envelopes (<see cref="MpscQueue{T}"/>: a 2-slot ring while the actor is idle, growing by
/// doubling and then reused, so posting an existing message object allocates nothing); system messages sit
/// in a separate lock-free stack and are always processed first, before the next user message. The mailbox itself is the thread-pool work item
/// (no closure per schedule); one run handles at most <c>throughput</c> user messages, then yields.
/// </summary>
/// <remarks>
/// Thread-safety: <see cref="Post"/>, <see cref="PostUnbounded"/> and <see cref="SystemEnqueue"/> may be
/// called from any thread. Everything else runs on the consumer side, inside a run (one at a time, which the
/// <see cref="Scheduled"/> bit guarantees).
/// <para>Status protocol (Akka.NET's): producers enqueue then read the status; the consumer clears
/// <see cref="Scheduled"/> then re-checks the queues. Both sides use full fences (interlocked operations),
/// so at least one of them sees the other's write and no message is left unscheduled.</para>
/// <para>Single consumer: while the mailbox is open, only the run holding <see cref="Scheduled"/> dequeues;
/// once it is closed, dequeuing is draining to dead letters, which any thread may do and which
/// <c>_draining</c> serialises.</para>
/// </remarks>
internal sealed partial class Mailbox : IThreadPoolWorkItem
{
    private const int Scheduled = 1;
    private const int Closed = 2;
    private const int AwaitingTask = 4;      // a ReceiveAsync handler is running: no user messages
    private const int SuspendUnit = 8;       // suspend count lives in the bits above
    private const int SuspendMask = ~(SuspendUnit - 1);
    private const int NotRunnableForUser = Closed | AwaitingTask | SuspendMask;

    /// <summary>Marks the system stack once the mailbox is closed: later system messages go to dead letters.</summary>
    private static readonly SystemMessage ClosedSentinel = new SystemMessage.Terminate();

    private readonly MpscQueue<Envelope> _queue = new();
    private readonly ActorCell _cell;
    private readonly int _throughput;
    private readonly int _capacity;                  // 0 = unbounded
    private readonly MailboxOverflow _overflow;
    private readonly PinnedThread? _pinned;
    private readonly Action<IThreadPoolWorkItem>? _executor;      // test seam, null in production
    private Stack<Envelope>? _prepended;             // consumer only: Unstash puts messages back in front
    private int _prependedCount;                     // read by the depth gauge from other threads
    private SystemMessage? _systemHead;
    private int _status;
    private int _count;                              // bounded mailboxes only: queued user messages
    private int _overflowFailurePending;
    private int _draining;                           // 1 while a thread drains the closed queue

    public Mailbox(ActorCell cell, MailboxType type, bool pinned, int throughput)
    {
        _cell = cell;
        _capacity = type.Capacity;
        _overflow = type.Overflow;
        _throughput = throughput;
        if (pinned) _pinned = new PinnedThread(this, cell.Self.Path.ToString());
        else _executor = cell.System.Settings.WorkItemExecutor;
    }

    /// <summary>Number of user messages waiting (approximate while producers run); for the depth gauge.</summary>
    public int Count => _queue.Count + Volatile.Read(ref _prependedCount);

    public bool IsClosed => (Volatile.Read(ref _status) & Closed) != 0;

    public bool IsSuspended => (Volatile.Read(ref _status) & SuspendMask) != 0;

    private bool HasMessages => !_queue.IsEmpty || Volatile.Read(ref _prependedCount) > 0;

    private bool HasSystemMessages
    {
        get
        {
            var head = Volatile.Read(ref _systemHead);
            return head is not null && !ReferenceEquals(head, ClosedSentinel);
        }
    }

    /// <summary>Starts the dedicated thread, if any. Called once, before the first system message.</summary>
    public void Attach() => _pinned?.Start();

    /// <summary>Posts a user message, applying the bounded policy. Never blocks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Post(in Envelope envelope)
    {
        if (_capacity != 0 && !TryReserve())
        {
            Overflowed(envelope);
            return;
        }
        PostUnbounded(envelope);
    }

    /// <summary>Posts a user message past the capacity check (kernel notifications such as Terminated,
    /// which the semantics promise, must not be dropped).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PostUnbounded(in Envelope envelope)
    {
        _queue.Enqueue(envelope);
        var status = Volatile.Read(ref _status);
        if ((status & (Scheduled | NotRunnableForUser)) == 0)
        {
            if (TrySetScheduled()) Dispatch();
        }
        else if ((status & Closed) != 0)
        {
            // Raced with termination: the consumer may already have drained the queue, so whoever sees
            // Closed drains; each message is dequeued exactly once and becomes exactly one dead letter.
            DrainQueueToDeadLetters();
        }
    }

    /// <summary>Puts a message back at the front (Unstash); consumer side only.</summary>
    public void EnqueueFirst(in Envelope envelope)
    {
        (_prepended ??= new Stack<Envelope>()).Push(envelope);
        Volatile.Write(ref _prependedCount, _prepended.Count);
    }

    /// <summary>Enqueues a system message and schedules the mailbox even if it is suspended.</summary>
    public void SystemEnqueue(SystemMessage message)
    {
        while (true)
        {
            var head = Volatile.Read(ref _systemHead);
            if (ReferenceEquals(head, ClosedSentinel))
            {
                ActorSystem.DeadLetterSystemMessage(_cell.SelfRef, message);
                return;
            }
            message.Next = head;
            if (ReferenceEquals(Interlocked.CompareExchange(ref _systemHead, message, head), head)) break;
        }
        RegisterForExecution(hasMessageHint: false, hasSystemMessageHint: true);
    }

    private bool TryReserve()
    {
        if (Interlocked.Increment(ref _count) <= _capacity) return true;
        Interlocked.Decrement(ref _count);
        return false;
    }

    private void Overflowed(in Envelope envelope)
    {
        var system = _cell.System;
        system.Metrics.MailboxDropped(_cell.TypeStats);
        system.PublishDeadLetter(envelope.Message, envelope.Sender, _cell.Self);
        if (_overflow == MailboxOverflow.FailActor && Interlocked.Exchange(ref _overflowFailurePending, 1) == 0)
            SystemEnqueue(new SystemMessage.MailboxOverflowed(_capacity));
    }

    /// <summary>Re-arms the overflow failure once the cell has handled the previous one.</summary>
    public void OverflowFailureHandled() => Volatile.Write(ref _overflowFailurePending, 0);

    private bool TryDequeue(out Envelope envelope)
    {
        if (_prepended is { Count: > 0 } prepended)
        {
            envelope = prepended.Pop();
            Volatile.Write(ref _prependedCount, prepended.Count);
            return true;
        }
        if (!_queue.TryDequeue(out envelope)) return false;
        if (_capacity != 0) Interlocked.Decrement(ref _count);
        return true;
    }

    private bool TrySetScheduled()
    {
        while (true)
        {
            var status = Volatile.Read(ref _status);
            if ((status & (Scheduled | Closed)) != 0) return false;
            if (Interlocked.CompareExchange(ref _status, status | Scheduled, status) == status) return true;
        }
    }

    private void RegisterForExecution(bool hasMessageHint, bool hasSystemMessageHint)
    {
        var status = Volatile.Read(ref _status);
        if ((status & Closed) != 0) return;
        var runnable = (status & (AwaitingTask | SuspendMask)) != 0
            ? hasSystemMessageHint || HasSystemMessages
            : hasMessageHint || hasSystemMessageHint || HasSystemMessages || HasMessages;
        if (runnable && TrySetScheduled()) Dispatch();
    }

    private void Dispatch()
    {
        if (_pinned is not null) _pinned.Signal();
        else if (_executor is not null) _executor(this);
        // Global queue (preferLocal: false): a mailbox that yields after its throughput goes to the back
        // of the FIFO line; the local queue is LIFO for its owner and would run it again at once.
        else ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }
}
