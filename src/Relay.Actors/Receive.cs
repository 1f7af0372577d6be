namespace Relay.Actors;

/// <summary>An actor behaviour: handles <paramref name="message"/> and says whether it did.</summary>
/// <param name="message">The message being processed.</param>
/// <returns><see langword="true"/> when handled; otherwise the kernel calls <c>Unhandled(message)</c>.</returns>
public delegate bool Receive(object message);
