namespace Relay.Storage.Sqlite;

/// <summary>A whole REQ answer read at once (<see cref="EventStore.Query"/>): for tests, tools and small queries.</summary>
/// <param name="Events">Canonical JSON of each event, in NIP-01 order.</param>
/// <param name="RowsScanned">Rows read from the indexes.</param>
/// <param name="Truncated">True when the row bound stopped the query: <paramref name="Events"/> is then a prefix of the answer.</param>
public sealed record QueryResult(IReadOnlyList<ReadOnlyMemory<byte>> Events, long RowsScanned, bool Truncated);
