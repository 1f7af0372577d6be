namespace Relay.Server.Http;

/// <summary>Where the relay is in its life, as <c>/readyz</c> reports it.</summary>
public enum ReadinessState
{
    /// <summary>Started, but storage or the actor system is not up yet (503).</summary>
    Starting,

    /// <summary>Serving clients (200).</summary>
    Ready,

    /// <summary>Was ready, then lost a dependency, e.g. storage failed (503).</summary>
    NotReady,

    /// <summary>Draining for shutdown (503); final: nothing makes the relay ready again.</summary>
    ShuttingDown,
}
