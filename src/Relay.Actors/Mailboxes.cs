namespace Relay.Actors;

/// <summary>Well-known mailbox ids for <see cref="Props.WithMailbox(string)"/>.</summary>
public static class Mailboxes
{
    /// <summary>The unbounded default mailbox (Akka.NET's id).</summary>
    public const string DefaultMailboxId = "akka.actor.default-mailbox";
}
