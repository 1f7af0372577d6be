using System.Diagnostics.CodeAnalysis;

namespace Relay.Actors.Internal;

/// <summary>Throw sites kept out of hot methods so that those stay small and inlinable.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowNullMessage() => throw new InvalidMessageException("Message is null");

    [DoesNotReturn]
    public static void ThrowUnknownSystemMessage(SystemMessage message) =>
        throw new InvalidOperationException($"Kernel bug: unknown system message {message.GetType().Name}");

    [DoesNotReturn]
    public static InternalActorRef ThrowCannotWatch(IActorRef subject) =>
        throw new ArgumentException($"{subject} is not a reference of this actor kernel", nameof(subject));

    [DoesNotReturn]
    public static void ThrowNoActorContext() =>
        throw new NotSupportedException(
            "There is no active ActorContext, this is most likely due to use of async operations from within this actor.");

    [DoesNotReturn]
    public static void ThrowNotPowerOfTwoCapacity(int capacity) =>
        throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "Kernel bug: a queue capacity must be a power of two, at least 2");
}
