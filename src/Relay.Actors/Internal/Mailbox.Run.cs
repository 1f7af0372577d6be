namespace Relay.Actors.Internal;

internal sealed partial class Mailbox
{
    /// <summary>One run: all system messages, then up to <c>throughput</c> user messages, system
    /// messages again after each one. Never throws (the cell handles actor exceptions; anything else is a
    /// kernel bug, logged and answered by stopping the actor).</summary>
    public void Execute()
    {
        var previous = ActorCell.SwapCurrent(_cell);
        try
        {
            if (!IsClosed)
            {
                ProcessAllSystemMessages();
                ProcessMailbox();
            }
        }
        catch (Exception e)
        {
            _cell.OnKernelFailure(e);
        }
        finally
        {
            ActorCell.SwapCurrent(previous);
            Interlocked.And(ref _status, ~Scheduled);
            RegisterForExecution(hasMessageHint: false, hasSystemMessageHint: false);
        }
    }

    private void ProcessMailbox()
    {
        var left = _throughput;
        while ((Volatile.Read(ref _status) & NotRunnableForUser) == 0 && TryDequeue(out var envelope))
        {
            _cell.Invoke(envelope);
            if (Volatile.Read(ref _systemHead) is not null) ProcessAllSystemMessages();
            if (--left == 0) break;
        }
    }

    private void ProcessAllSystemMessages()
    {
        while (!IsClosed && HasSystemMessages)
        {
            var head = Interlocked.Exchange(ref _systemHead, null);
            if (ReferenceEquals(head, ClosedSentinel))
            {
                Volatile.Write(ref _systemHead, ClosedSentinel);
                return;
            }
            _cell.SystemInvokeAll(Reverse(head));
        }
    }

    /// <summary>The stack holds the newest first; the cell wants them in arrival order.</summary>
    private static SystemMessage? Reverse(SystemMessage? head)
    {
        SystemMessage? fifo = null;
        while (head is not null)
        {
            var next = head.Next;
            head.Next = fifo;
            fifo = head;
            head = next;
        }
        return fifo;
    }

    /// <summary>The actor is waiting for a <c>ReceiveAsync</c> task: stop taking user messages.</summary>
    public void SetAwaitingTask() => Interlocked.Or(ref _status, AwaitingTask);

    /// <summary>The task finished (or the actor restarted): user messages flow again after this run.</summary>
    public void ClearAwaitingTask() => Interlocked.And(ref _status, ~AwaitingTask);

    /// <summary>Adds one suspension (failure, or a failing parent). Consumer side.</summary>
    public void Suspend() => Interlocked.Add(ref _status, SuspendUnit);

    /// <summary>Removes one suspension, never below zero. Consumer side.</summary>
    public void Resume()
    {
        while (true)
        {
            var status = Volatile.Read(ref _status);
            if ((status & SuspendMask) == 0) return;
            if (Interlocked.CompareExchange(ref _status, status - SuspendUnit, status) == status) return;
        }
    }

    /// <summary>
    /// Closes the mailbox for good (the actor stopped): later system messages go to the dead-letter
    /// handling, and every user message still queued (or arriving later) becomes a dead letter.
    /// Consumer side, from inside the final run.
    /// </summary>
    public void Close()
    {
        Interlocked.Or(ref _status, Closed);
        var pending = Reverse(Interlocked.Exchange(ref _systemHead, ClosedSentinel));
        while (pending is not null && !ReferenceEquals(pending, ClosedSentinel))
        {
            var next = pending.Next;
            pending.Next = null;
            ActorSystem.DeadLetterSystemMessage(_cell.SelfRef, pending);
            pending = next;
        }
        if (_prepended is not null)
        {
            while (_prepended.TryPop(out var envelope))
                _cell.System.PublishDeadLetter(envelope.Message, envelope.Sender, _cell.Self);
            Volatile.Write(ref _prependedCount, 0);
        }
        DrainQueueToDeadLetters();
        _pinned?.Stop();
    }

    /// <summary>
    /// Turns every queued user message into a dead letter; called by the final run and by producers that find
    /// the mailbox closed. One thread drains at a time (the queue has a single consumer); a thread that finds
    /// another draining leaves its message to it: the drainer looks at the queue again after letting go,
    /// and the interlocked release orders that look after the other thread's enqueue.
    /// </summary>
    private void DrainQueueToDeadLetters()
    {
        while (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            while (_queue.TryDequeue(out var envelope))
            {
                if (_capacity != 0) Interlocked.Decrement(ref _count);
                _cell.System.PublishDeadLetter(envelope.Message, envelope.Sender, _cell.Self);
            }
            Interlocked.Exchange(ref _draining, 0);
            if (_queue.IsEmpty) return;
        }
    }
}
