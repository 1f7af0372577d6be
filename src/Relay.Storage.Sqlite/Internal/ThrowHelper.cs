using System.Diagnostics.CodeAnalysis;

namespace Relay.Storage.Sqlite.Internal;

/// <summary>
/// Throws for our own bugs and for callers breaking a documented precondition (STYLE.md: exceptions only
/// for bugs). SQLite failures the environment causes (disk full, I/O error) surface as
/// <see cref="Microsoft.Data.Sqlite.SqliteException"/> from <see cref="Statement"/>.
/// </summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowArgument(string message, string paramName) => throw new ArgumentException(message, paramName);

    [DoesNotReturn]
    public static void ThrowArgumentOutOfRange(string paramName, string message) =>
        throw new ArgumentOutOfRangeException(paramName, message);

    [DoesNotReturn]
    public static void ThrowInvalidOperation(string message) => throw new InvalidOperationException(message);

    [DoesNotReturn]
    public static T ThrowInvalidOperation<T>(string message) => throw new InvalidOperationException(message);
}
