namespace Relay.Actors;

/// <summary>Ids of the dispatchers an actor can run on (<see cref="Props.WithDispatcher(string)"/>).</summary>
public static class Dispatchers
{
    /// <summary>
    /// The shared .NET thread pool (Akka.NET's id). Each mailbox run handles at most
    /// <see cref="ActorSystemSettings.Throughput"/> messages before yielding the thread.
    /// </summary>
    public const string DefaultDispatcherId = "akka.actor.default-dispatcher";

    /// <summary>
    /// A dedicated thread for the actor alone, for actors that must block (the SQLite writer). Akka.NET has
    /// no built-in id for its <c>PinnedDispatcher</c> type; this one follows its naming.
    /// </summary>
    public const string PinnedDispatcherId = "akka.actor.pinned-dispatcher";

    /// <summary>Akka.NET's id for blocking I/O; here it is an alias of <see cref="PinnedDispatcherId"/>.</summary>
    public const string DefaultBlockingDispatcherId = "akka.actor.default-blocking-io-dispatcher";
}
