namespace Relay.Actors;

/// <summary>An <see cref="UntypedActor"/> behaviour: handles every message it is given (it calls
/// <c>Unhandled</c> itself for those it does not understand).</summary>
/// <param name="message">The message being processed.</param>
public delegate void UntypedReceive(object message);
