namespace Relay.WebSockets.Internal;

/// <summary>
/// Mutual exclusion for async code whose uncontended enter and exit are one interlocked operation each (a
/// "benaphore"): the connection takes it for every send and receive, where SemaphoreSlim's monitor cost showed.
/// </summary>
/// <remarks>
/// Thread-safe. Waiting cannot be cancelled: a waiter counts in <see cref="_count"/> until the gate is handed to
/// it, so every <see cref="Exit"/> that sees waiters releases exactly one. Callers that must stop waiting abort
/// the connection instead, which makes the holder fail fast and pass the gate on.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001",
    Justification = "SemaphoreSlim holds unmanaged state only once AvailableWaitHandle is used, which never happens here.")]
internal sealed class AsyncGate
{
    private SemaphoreSlim? _handoff;   // created by the first contention: most gates of an idle connection never see one
    private int _count; // the holder plus the waiters

    /// <summary>Takes the gate if nobody holds it.</summary>
    public bool TryEnter() => Interlocked.CompareExchange(ref _count, 1, 0) == 0;

    /// <summary>Takes the gate, waiting for the holder and earlier waiters.</summary>
    public ValueTask EnterAsync() =>
        Interlocked.Increment(ref _count) == 1 ? ValueTask.CompletedTask : new ValueTask(Handoff.WaitAsync(CancellationToken.None));

    /// <summary>Passes the gate to the next waiter, or frees it.</summary>
    public void Exit()
    {
        if (Interlocked.Decrement(ref _count) > 0)
            Handoff.Release();
    }

    // A waiter and the exit that hands it the gate may both arrive first: whichever does creates the semaphore, and
    // the compare-exchange makes both use the same one.
    private SemaphoreSlim Handoff
    {
        get
        {
            var handoff = Volatile.Read(ref _handoff);
            if (handoff is not null)
                return handoff;
            var created = new SemaphoreSlim(0);
            return Interlocked.CompareExchange(ref _handoff, created, null) ?? created;
        }
    }
}
