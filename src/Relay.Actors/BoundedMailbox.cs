namespace Relay.Actors;

/// <summary>
/// A mailbox holding at most <see cref="Capacity"/> user messages. Unlike Akka.NET's bounded mailbox it
/// never blocks the sender: a message that does not fit is handled by the declared
/// <see cref="MailboxOverflow"/> policy, published as a <see cref="DeadLetter"/> and counted in
/// <c>relay_mailbox_dropped</c>. Messages put back by <c>Unstash</c> and system messages are not counted.
/// </summary>
public sealed class BoundedMailbox : MailboxType
{
    private readonly int _capacity;
    private readonly MailboxOverflow _overflow;

    /// <summary>Creates the description.</summary>
    /// <param name="capacity">Maximum number of queued user messages (at least 1).</param>
    /// <param name="overflow">What to do with a message that does not fit.</param>
    public BoundedMailbox(int capacity, MailboxOverflow overflow = MailboxOverflow.DropNewest)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        if (!Enum.IsDefined(overflow)) throw new ArgumentOutOfRangeException(nameof(overflow));
        _capacity = capacity;
        _overflow = overflow;
    }

    /// <summary>Maximum number of queued user messages.</summary>
    public int MaxCapacity => _capacity;

    /// <summary>The overflow policy.</summary>
    public MailboxOverflow OverflowPolicy => _overflow;

    internal override int Capacity => _capacity;

    internal override MailboxOverflow Overflow => _overflow;

    /// <inheritdoc/>
    public override string ToString() => $"BoundedMailbox({_capacity}, {_overflow})";
}
