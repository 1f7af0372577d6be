namespace Relay.Actors.Tests.Support;

/// <summary>
/// Holds an actor inside a handler until the test opens it, so a test can queue messages, timers or system
/// messages behind a known point. Bounded: a forgotten gate opens by itself after 10 s.
/// </summary>
public sealed class Gate : IDisposable
{
    private static readonly TimeSpan MaxHold = TimeSpan.FromSeconds(10);
    private readonly ManualResetEvent _open = new(false);
    private readonly ManualResetEvent _entered = new(false);

    public sealed record Hold(Gate Gate);

    /// <summary>Called by the actor: signals that it is inside, then waits for the test.</summary>
    public void Pass()
    {
        _entered.Set();
        _open.WaitOne(MaxHold);
    }

    /// <summary>Waits (bounded) until the actor is inside the handler.</summary>
    public Task Entered() => Task.Run(() =>
    {
        if (!_entered.WaitOne(MaxHold)) throw new TimeoutException("The actor never reached the gate");
    });

    public void Open() => _open.Set();

    public void Dispose()
    {
        _open.Set();
        _open.Dispose();
        _entered.Dispose();
    }
}
