namespace Relay.Actors;

/// <summary>The default mailbox: never refuses a message (memory is the bound).</summary>
public sealed class UnboundedMailbox : MailboxType
{
    /// <summary>The shared instance.</summary>
    public static UnboundedMailbox Instance { get; } = new();

    internal override int Capacity => 0;

    internal override MailboxOverflow Overflow => MailboxOverflow.DropNewest;

    /// <inheritdoc/>
    public override string ToString() => "UnboundedMailbox";
}
