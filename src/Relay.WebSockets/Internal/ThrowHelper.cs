using System.Diagnostics.CodeAnalysis;

namespace Relay.WebSockets.Internal;

/// <summary>Throws for our own bugs and caller contract violations; peer errors are values, never exceptions.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowArgumentOutOfRange(string paramName) => throw new ArgumentOutOfRangeException(paramName);

    [DoesNotReturn]
    public static void ThrowArgument(string message, string paramName) => throw new ArgumentException(message, paramName);

    [DoesNotReturn]
    public static void ThrowInvalidOperation(string message) => throw new InvalidOperationException(message);

    [DoesNotReturn]
    public static T ThrowInvalidOperation<T>(string message) => throw new InvalidOperationException(message);

    [DoesNotReturn]
    public static void ThrowObjectDisposed(object instance) => throw new ObjectDisposedException(instance.GetType().FullName);
}
