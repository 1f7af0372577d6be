namespace Relay.Actors.Internal;

/// <summary>Why a cell waits for children it stopped (Akka's ChildrenContainer suspend reasons).</summary>
internal enum SuspendReason
{
    /// <summary>Not waiting (children stopped one by one are reaped without further action).</summary>
    None,

    /// <summary>Restarting: the new instance is created once the stopped children are gone.</summary>
    Recreation,

    /// <summary>Re-creating after a failed creation.</summary>
    Creation,

    /// <summary>Stopping: PostStop runs once all children are gone. Final.</summary>
    Termination,
}
