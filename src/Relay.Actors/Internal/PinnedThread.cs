namespace Relay.Actors.Internal;

/// <summary>
/// The dedicated thread of an actor on <see cref="Dispatchers.PinnedDispatcherId"/>: it sleeps on an event
/// until its mailbox is scheduled, runs it, and exits when the mailbox closes. Blocking in such an actor
/// (a SQLite commit) therefore never holds a thread-pool thread.
/// </summary>
/// <remarks>Signal may be called from any thread; the loop runs on the dedicated thread only.</remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "The dedicated thread disposes its event when it exits; nobody else may.")]
internal sealed class PinnedThread
{
    private readonly AutoResetEvent _signal = new(initialState: false);
    private readonly Mailbox _mailbox;
    private readonly Thread _thread;
    private volatile bool _stopping;

    public PinnedThread(Mailbox mailbox, string name)
    {
        _mailbox = mailbox;
        // Background: a forgotten actor must not keep the process alive; a normal shutdown stops it first.
        _thread = new Thread(Loop) { IsBackground = true, Name = name };
    }

    public void Start() => _thread.Start();

    public void Signal() => _signal.Set();

    /// <summary>Asks the loop to exit; called from the final run, on the dedicated thread itself.</summary>
    public void Stop()
    {
        _stopping = true;
        _signal.Set();
    }

    private void Loop()
    {
        while (true)
        {
            _signal.WaitOne();
            if (_stopping) break;
            _mailbox.Execute();
            if (_stopping) break;
        }
        // Only the loop releases the event, after the mailbox closed: a closed mailbox is never
        // scheduled again, so no Signal can follow.
        _signal.Dispose();
    }
}
