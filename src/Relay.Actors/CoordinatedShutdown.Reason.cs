namespace Relay.Actors;

public sealed partial class CoordinatedShutdown
{
    /// <summary>Why a coordinated shutdown runs.</summary>
    public abstract class Reason
    {
        /// <inheritdoc/>
        public override string ToString() => GetType().Name;
    }

    /// <summary>The process is exiting: the host is stopping (SIGTERM, Ctrl-C).</summary>
    public sealed class ClrExitReason : Reason
    {
        private ClrExitReason()
        {
        }

        /// <summary>The singleton instance.</summary>
        public static ClrExitReason Instance { get; } = new();
    }

    /// <summary><see cref="ActorSystem.Terminate"/> was called.</summary>
    public sealed class ActorSystemTerminateReason : Reason
    {
        private ActorSystemTerminateReason()
        {
        }

        /// <summary>The singleton instance.</summary>
        public static ActorSystemTerminateReason Instance { get; } = new();
    }

    /// <summary>No particular reason was given.</summary>
    public sealed class UnknownReason : Reason
    {
        private UnknownReason()
        {
        }

        /// <summary>The singleton instance.</summary>
        public static UnknownReason Instance { get; } = new();
    }
}
