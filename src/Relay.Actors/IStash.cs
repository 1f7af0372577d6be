namespace Relay.Actors;

/// <summary>
/// Puts the message being processed aside, to be processed later (typically after a <c>Become</c>).
/// Unstashed messages go to the front of the mailbox, so they are processed before anything queued after
/// them, in the order they were stashed.
/// </summary>
/// <remarks>Not thread-safe: use only from inside the owning actor.</remarks>
public interface IStash
{
    /// <summary>Stashes the current message and its sender. Stashing the same message twice throws
    /// <see cref="IllegalActorStateException"/>.</summary>
    void Stash();

    /// <summary>Moves the oldest stashed message to the front of the mailbox.</summary>
    void Unstash();

    /// <summary>Moves all stashed messages to the front of the mailbox, oldest first.</summary>
    void UnstashAll();

    /// <summary>Moves the stashed messages matching <paramref name="predicate"/> to the front of the mailbox,
    /// oldest first; the others are discarded (as in Akka.NET).</summary>
    /// <param name="predicate">Selects the messages to keep.</param>
    void UnstashAll(Func<Envelope, bool> predicate);

    /// <summary>Empties the stash and returns its content, oldest first.</summary>
    IEnumerable<Envelope> ClearStash();

    /// <summary>Adds envelopes in front of the stashed ones (they will be unstashed first).</summary>
    /// <param name="envelopes">The envelopes, oldest first.</param>
    void Prepend(IEnumerable<Envelope> envelopes);

    /// <summary>Number of stashed messages.</summary>
    int Count { get; }

    /// <summary>Whether the stash is empty.</summary>
    bool IsEmpty { get; }

    /// <summary>Whether the stash holds messages.</summary>
    bool NonEmpty { get; }
}
