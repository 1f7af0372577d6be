namespace Relay.Actors.Internal;

/// <summary>The live mailboxes of one actor class, for the <c>relay_mailbox_depth</c> gauge.</summary>
/// <remarks>Register/Unregister run at actor start/stop (any thread); the gauge reads under the same lock.</remarks>
internal sealed class ActorTypeStats(string name)
{
    private readonly Lock _lock = new();
    private readonly HashSet<Mailbox> _mailboxes = [];

    /// <summary>The <c>actor</c> tag: the actor class name (bounded cardinality).</summary>
    public string Name { get; } = name;

    /// <summary>The boxed tag pair, built once so counting a drop allocates nothing.</summary>
    public KeyValuePair<string, object?> Tag { get; } = new("actor", name);

    public void Add(Mailbox mailbox)
    {
        lock (_lock) _mailboxes.Add(mailbox);
    }

    public void Remove(Mailbox mailbox)
    {
        lock (_lock) _mailboxes.Remove(mailbox);
    }

    /// <summary>Sum of queued messages over the live actors of this class: O(actors of this class), a few
    /// nanoseconds each, paid per scrape rather than per message (a shared counter updated by every Tell
    /// would put one contended cache line on the hot path).</summary>
    public long Depth()
    {
        long total = 0;
        lock (_lock)
        {
            foreach (var mailbox in _mailboxes) total += mailbox.Count;
        }
        return total;
    }
}
