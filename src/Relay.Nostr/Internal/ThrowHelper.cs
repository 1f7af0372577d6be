using System.Diagnostics.CodeAnalysis;

namespace Relay.Nostr.Internal;

/// <summary>
/// Throws for our own bugs and for callers breaking a documented precondition. Peer input never
/// reaches these: it is reported as error values (see <c>ClientMessageError</c>).
/// </summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowArgument(string message, string paramName) => throw new ArgumentException(message, paramName);

    [DoesNotReturn]
    public static void ThrowArgumentOutOfRange(string paramName, string message) =>
        throw new ArgumentOutOfRangeException(paramName, message);

    [DoesNotReturn]
    public static void ThrowFormat(string message) => throw new FormatException(message);

    [DoesNotReturn]
    public static void ThrowInvalidOperation(string message) => throw new InvalidOperationException(message);

    [DoesNotReturn]
    public static T ThrowInvalidOperation<T>(string message) => throw new InvalidOperationException(message);
}
