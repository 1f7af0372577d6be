namespace Relay.Actors;

/// <summary>
/// Describes an actor's mailbox: <see cref="UnboundedMailbox"/> (the default) or <see cref="BoundedMailbox"/>.
/// Chosen per actor with <see cref="Props.WithMailbox(MailboxType)"/> or by id with
/// <see cref="Props.WithMailbox(string)"/> (ids registered in <see cref="ActorSystemSettings.Mailboxes"/>).
/// </summary>
public abstract class MailboxType
{
    private protected MailboxType()
    {
    }

    /// <summary>The capacity for user messages; 0 = unbounded. System messages are never bounded.</summary>
    internal abstract int Capacity { get; }

    /// <summary>What happens to a message that does not fit.</summary>
    internal abstract MailboxOverflow Overflow { get; }
}
