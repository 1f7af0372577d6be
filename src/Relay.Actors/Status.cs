namespace Relay.Actors;

/// <summary>Conventional replies telling how an operation ended (as in Akka.NET).</summary>
public abstract class Status
{
    private Status()
    {
    }

    /// <summary>The operation succeeded.</summary>
    public sealed class Success : Status
    {
        /// <summary>Creates the reply.</summary>
        /// <param name="status">An optional result.</param>
        public Success(object? status) => Status = status;

        /// <summary>A success without a result.</summary>
        public static Success Instance { get; } = new(null);

        /// <summary>The result, if any.</summary>
        public object? Status { get; }

        /// <inheritdoc/>
        public override string ToString() => $"Success: {Status}";
    }

    /// <summary>
    /// The operation failed. <c>PipeTo</c> sends it for a faulted task; an <c>Ask</c> completed with it
    /// faults with <see cref="Cause"/>.
    /// </summary>
    public sealed class Failure : Status
    {
        /// <summary>Creates the reply.</summary>
        /// <param name="cause">Why it failed.</param>
        public Failure(Exception cause) => Cause = cause;

        /// <summary>Creates the reply with a correlation state.</summary>
        /// <param name="cause">Why it failed.</param>
        /// <param name="state">Caller-defined state.</param>
        public Failure(Exception cause, object? state)
        {
            Cause = cause;
            State = state;
        }

        /// <summary>Why it failed.</summary>
        public Exception Cause { get; }

        /// <summary>Caller-defined state, if any.</summary>
        public object? State { get; }

        /// <inheritdoc/>
        public override string ToString() => $"Failure: {Cause}";
    }
}
