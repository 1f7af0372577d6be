namespace Relay.Benchmarks.Actors;

/// <summary>
/// Signals the benchmark thread when the consumer has seen the expected number of messages. Set up by the
/// benchmark thread before it sends (the queue hand-off orders the writes), completed by the consumer.
/// </summary>
public sealed class Completion
{
    private TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _expected;
    private long _count;

    public Task Arm(long expected)
    {
        _count = 0;
        _expected = expected;
        _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _done.Task;
    }

    /// <summary>Called by the single consumer for each message.</summary>
    public void Count()
    {
        if (++_count == _expected) _done.SetResult();
    }

    /// <summary>Called by several consumers (ping-pong pairs).</summary>
    public void CountShared(long n)
    {
        if (Interlocked.Add(ref _count, n) == _expected) _done.SetResult();
    }
}
