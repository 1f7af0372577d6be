namespace Relay.Actors;

/// <summary>
/// Marks messages the kernel handles itself before the actor's behaviour sees them
/// (<see cref="PoisonPill"/>, <see cref="Kill"/>, <see cref="Terminated"/>, <see cref="Identify"/>).
/// </summary>
public interface IAutoReceivedMessage;
