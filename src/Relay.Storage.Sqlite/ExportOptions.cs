using System.Collections.Immutable;

namespace Relay.Storage.Sqlite;

/// <summary>Which events <see cref="EventStore.Export"/> writes.</summary>
public sealed record ExportOptions
{
    /// <summary>All stored, unexpired events.</summary>
    public static ExportOptions All { get; } = new();

    /// <summary>Inclusive lower bound on <c>created_at</c>, or null.</summary>
    public long? Since { get; init; }

    /// <summary>Inclusive upper bound on <c>created_at</c>, or null.</summary>
    public long? Until { get; init; }

    /// <summary>Only these kinds, or null for every kind.</summary>
    public ImmutableArray<int>? Kinds { get; init; }
}
