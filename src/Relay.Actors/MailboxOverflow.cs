namespace Relay.Actors;

/// <summary>What a <see cref="BoundedMailbox"/> does with a message that does not fit. The sender is never blocked.</summary>
public enum MailboxOverflow
{
    /// <summary>Drop the new message (it becomes a <see cref="DeadLetter"/>); the actor carries on.</summary>
    DropNewest,

    /// <summary>
    /// Drop the new message (a <see cref="DeadLetter"/>) and fail the actor with
    /// <see cref="MailboxOverflowException"/>, so its supervisor decides (e.g. stop a slow client's writer).
    /// </summary>
    FailActor,
}
