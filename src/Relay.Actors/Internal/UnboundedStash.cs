namespace Relay.Actors.Internal;

/// <summary>The kernel's <see cref="IStash"/>: a list of envelopes owned by one actor instance.</summary>
/// <remarks>Used only inside the owning actor's runs.</remarks>
internal sealed class UnboundedStash(ActorCell cell) : IStash
{
    private readonly List<Envelope> _stash = [];
    private int _lastStashedEnvelopeId = -1;
    private bool _detached;

    public int Count => _stash.Count;

    public bool IsEmpty => _stash.Count == 0;

    public bool NonEmpty => _stash.Count != 0;

    public void Stash()
    {
        var message = cell.CurrentMessage ?? throw new IllegalActorStateException("There is no message to stash");
        if (cell.CurrentEnvelopeId == _lastStashedEnvelopeId)
            throw new IllegalActorStateException($"Can't stash the same message {message} more than once");
        _lastStashedEnvelopeId = cell.CurrentEnvelopeId;
        // A Terminated is delivered once: re-arm it so that it is received again after unstashing.
        if (message is Terminated terminated) cell.TerminatedQueuedFor(terminated.ActorRef);
        _stash.Add(new Envelope(message, cell.CurrentSenderOrNull));
    }

    public void Unstash()
    {
        if (_stash.Count == 0) return;
        var first = _stash[0];
        _stash.RemoveAt(0);
        PutBack(first);
    }

    public void UnstashAll() => UnstashAll(static _ => true);

    public void UnstashAll(Func<Envelope, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        // The mailbox front is a stack: push newest first so the oldest comes out first.
        for (var i = _stash.Count - 1; i >= 0; i--)
        {
            if (predicate(_stash[i])) PutBack(_stash[i]);
        }
        _stash.Clear();
    }

    public IEnumerable<Envelope> ClearStash()
    {
        var content = _stash.ToArray();
        _stash.Clear();
        return content;
    }

    public void Prepend(IEnumerable<Envelope> envelopes)
    {
        ArgumentNullException.ThrowIfNull(envelopes);
        _stash.InsertRange(0, envelopes);
    }

    /// <summary>Restart: everything goes back to the mailbox front; this instance's stash is retired.</summary>
    internal void UnstashAllForRestart()
    {
        UnstashAll();
        _detached = true;
    }

    /// <summary>Stop: stashed messages become dead letters.</summary>
    internal void SendAllToDeadLetters()
    {
        foreach (var envelope in _stash) cell.System.PublishDeadLetter(envelope.Message, envelope.Sender, cell.Self);
        _stash.Clear();
        _detached = true;
    }

    private void PutBack(in Envelope envelope)
    {
        if (_detached)
        {
            // A retired instance's stash (used after restart): the message cannot be processed any more.
            cell.System.PublishDeadLetter(envelope.Message, envelope.Sender, cell.Self);
            return;
        }
        cell.Mailbox.EnqueueFirst(envelope);
    }
}
