namespace Relay.Actors;

/// <summary>
/// Marks messages that do not reset an actor's receive timeout (see
/// <see cref="IActorContext.SetReceiveTimeout(TimeSpan?)"/>): an actor that only gets such messages still
/// receives <see cref="ReceiveTimeout"/> when the timeout elapses.
/// </summary>
public interface INotInfluenceReceiveTimeout;
