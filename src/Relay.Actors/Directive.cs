namespace Relay.Actors;

/// <summary>What a supervisor does with a failed child (Akka.NET's directives, same order).</summary>
public enum Directive
{
    /// <summary>Keep the instance and its state; continue with the next message.</summary>
    Resume,

    /// <summary>Replace the instance with a fresh one; the mailbox (and unstashed messages) are kept.</summary>
    Restart,

    /// <summary>Fail the supervisor itself with the same exception, so its own parent decides.</summary>
    Escalate,

    /// <summary>Stop the child (its children first).</summary>
    Stop,
}
