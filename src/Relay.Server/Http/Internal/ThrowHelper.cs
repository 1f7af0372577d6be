using System.Diagnostics.CodeAnalysis;
using Relay.Server.Diagnostics;

namespace Relay.Server.Http.Internal;

/// <summary>Exceptions of the HTTP perimeter: our own bugs and operator configuration errors found at start-up.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowInvalidConfiguration(string message) => throw new InvalidOperationException(message);

    [DoesNotReturn]
    public static T ThrowUnknownRefusal<T>(ConnectionRefusal refusal) =>
        throw new ArgumentOutOfRangeException(nameof(refusal), refusal, "Unknown connection refusal.");
}
