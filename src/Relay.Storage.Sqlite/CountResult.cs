namespace Relay.Storage.Sqlite;

/// <summary>A NIP-45 count.</summary>
/// <param name="Count">Distinct stored, unexpired events matching at least one filter.</param>
/// <param name="Truncated">
/// True when counting reached the row bound: <paramref name="Count"/> is then a lower bound, which the relay
/// may report with <c>"approximate": true</c>.
/// </param>
public readonly record struct CountResult(long Count, bool Truncated);
