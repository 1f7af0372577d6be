namespace Relay.Actors;

/// <summary>
/// An actor with an unbounded stash (Akka.NET's interface name). Declare
/// <c>public IStash Stash { get; set; } = null!;</c>. On restart, stashed messages go back to the front of
/// the mailbox in their original order (before the messages still queued); on stop they become dead letters.
/// </summary>
public interface IWithUnboundedStash : IActorStash;
