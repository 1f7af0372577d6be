using System.Diagnostics.CodeAnalysis;

namespace Relay.Server.Operations.Internal;

/// <summary>Throws for our own bugs only; peer-caused problems are <see cref="ImportOutcome"/> values.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static TResult ThrowUnexpected<TValue, TResult>(TValue value)
        where TValue : struct, Enum =>
        throw new InvalidOperationException($"Unexpected {typeof(TValue).Name}.{value}: a case is missing in the mapping.");
}
