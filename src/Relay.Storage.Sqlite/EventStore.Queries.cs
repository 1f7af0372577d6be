using Relay.Nostr.Events;
using Relay.Nostr.Filters;
using Relay.Storage.Sqlite.Internal;

namespace Relay.Storage.Sqlite;

public sealed partial class EventStore
{
    /// <summary>True when an event with this id is stored: one unique-index lookup on a pooled read connection (~4 µs measured on 1,000,000 events).</summary>
    public bool Contains(EventId id)
    {
        var connection = RentReader();
        try
        {
            return connection.Lookups.Exists(id);
        }
        finally
        {
            _readers.Return(connection);
        }
    }

    /// <summary>
    /// The answer <see cref="EventWriter.WriteBatch(ReadOnlySpan{NostrEvent}, Span{WriteOutcome})"/> would certainly
    /// give this event from what is stored now — <see cref="WriteStatus.Duplicate"/>, <see cref="WriteStatus.Expired"/>,
    /// <see cref="WriteStatus.Deleted"/> or <see cref="WriteStatus.Superseded"/> — or null when it might be stored. Meant for the relay's ingest
    /// path <i>before</i> signature verification (~60 µs): the id binds every field, so the decision holds for
    /// the event whatever its signature. A few index lookups on a read connection; thread-safe.
    /// </summary>
    /// <remarks>
    /// A null answer is not a promise: the writer decides again in its transaction (another copy may be in
    /// the same batch, or a deletion request may arrive first).
    /// </remarks>
    public WriteOutcome? PreCheck(NostrEvent nostrEvent)
    {
        ArgumentNullException.ThrowIfNull(nostrEvent);
        var connection = RentReader();
        try
        {
            var now = Options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
            return connection.Lookups.PreCheck(nostrEvent, now) is { } status ? new WriteOutcome(status) : null;
        }
        finally
        {
            _readers.Return(connection);
        }
    }

    /// <summary>
    /// Starts answering a REQ's stored part (see <see cref="QueryCursor"/> for order, limits, slices and bound).
    /// Filters that cannot match and filters with <c>limit</c> 0 contribute nothing.
    /// </summary>
    /// <param name="filters">The REQ's filters (OR); each limited by its <see cref="NostrFilter.GetEffectiveLimit"/>.</param>
    /// <param name="now">Unix seconds: events with <c>expiration &lt;= now</c> are left out (NIP-40).</param>
    /// <param name="maxRowsScanned">Row bound for this query; <see cref="EventStoreOptions.MaxRowsScanned"/> when null.</param>
    public QueryCursor OpenQuery(ReadOnlySpan<NostrFilter> filters, long now, long? maxRowsScanned = null)
    {
        var budget = NewBudget(maxRowsScanned);
        var usable = new List<(NostrFilter Filter, long Limit)>(filters.Length);
        foreach (var filter in filters)
        {
            ArgumentNullException.ThrowIfNull(filter, nameof(filters));
            var limit = filter.GetEffectiveLimit(Options.Limits);
            if (filter.CanMatch && limit > 0)
            {
                usable.Add((filter, limit));
            }
        }

        if (usable.Count == 0)
        {
            return new QueryCursor(null, null, EmptyStream.Instance, budget);
        }

        var connection = RentReader();
        try
        {
            connection.BeginRead();
            var root = BuildRoot(connection, usable, now, budget);
            return new QueryCursor(_readers, connection, root, budget);
        }
        catch
        {
            Release(connection);
            throw;
        }
    }

    /// <summary>Reads a REQ's whole stored answer into memory (tests, tools); the relay uses <see cref="OpenQuery"/>.</summary>
    public QueryResult Query(ReadOnlySpan<NostrFilter> filters, long now, long? maxRowsScanned = null)
    {
        using var cursor = OpenQuery(filters, now, maxRowsScanned);
        var events = new List<ReadOnlyMemory<byte>>();
        while (cursor.MoveNext())
        {
            events.Add(cursor.CurrentJson.ToArray());
        }

        return new QueryResult(events, cursor.RowsScanned, cursor.Truncated);
    }

    /// <summary>
    /// NIP-45: the number of distinct stored, unexpired events matching at least one filter. <c>limit</c> is
    /// ignored (a count is of all matches). Counting runs inside SQLite over the same indexes as queries;
    /// each filter reads at most the row bound.
    /// </summary>
    /// <param name="filters">The COUNT's filters (OR).</param>
    /// <param name="now">Unix seconds (NIP-40).</param>
    /// <param name="maxRowsScanned">Row bound; <see cref="EventStoreOptions.MaxRowsScanned"/> when null.</param>
    public CountResult Count(ReadOnlySpan<NostrFilter> filters, long now, long? maxRowsScanned = null)
    {
        var bound = maxRowsScanned ?? Options.MaxRowsScanned;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound, nameof(maxRowsScanned));
        var usable = new List<(NostrFilter Filter, long Limit)>(filters.Length);
        var search = false;
        foreach (var filter in filters)
        {
            ArgumentNullException.ThrowIfNull(filter, nameof(filters));
            if (filter.CanMatch)
            {
                usable.Add((filter, long.MaxValue));
                search |= filter.Search is not null;
            }
        }

        if (usable.Count == 0)
        {
            return new CountResult(0, false);
        }

        return search ? CountByMatching(usable, now, bound) : CountInSql(usable, now, bound);
    }

    private CountResult CountInSql(List<(NostrFilter Filter, long Limit)> filters, long now, long bound)
    {
        // Each arm returns distinct seqs, at most bound + 1 of them; UNION removes events several filters match.
        var sql = new SqlSpec().Append("SELECT count(*) FROM (");
        for (var i = 0; i < filters.Count; i++)
        {
            sql.Append(i == 0 ? "SELECT seq FROM (" : " UNION SELECT seq FROM (");
            FilterPlanner.AppendCountArm(sql, filters[i].Filter, now, bound + 1);
            sql.Append(")");
        }

        sql.Append(")");
        var connection = RentReader();
        try
        {
            var statement = connection.RentStatement(sql.Sql);
            try
            {
                sql.BindAll(statement);
                statement.Step();
                var count = statement.ColumnInt64(0);
                return new CountResult(count, count > bound);
            }
            finally
            {
                connection.ReturnStatement(statement);
            }
        }
        finally
        {
            _readers.Return(connection);
        }
    }

    private CountResult CountByMatching(List<(NostrFilter Filter, long Limit)> filters, long now, long bound)
    {
        var budget = new QueryBudget(bound);
        var connection = RentReader();
        try
        {
            connection.BeginRead();
            long count = 0;
            using (var root = BuildRoot(connection, filters, now, budget))
            {
                while (root.MoveNext() && !budget.Exhausted)
                {
                    count++;
                }
            }

            return new CountResult(count, budget.Exhausted);
        }
        finally
        {
            Release(connection);
        }
    }

    private IEventStream BuildRoot(ReadConnection connection, List<(NostrFilter Filter, long Limit)> filters, long now, QueryBudget budget)
    {
        var streamCap = Math.Clamp(MaxStreamsPerQuery / filters.Count, 1, Options.MaxStreamsPerFilter);
        var perFilter = new List<IEventStream>(filters.Count);
        try
        {
            foreach (var (filter, limit) in filters)
            {
                perFilter.Add(BuildFilterStream(connection, filter, limit, now, streamCap, budget));
            }
        }
        catch
        {
            perFilter.ForEach(stream => stream.Dispose());
            throw;
        }

        // NIP-01: the union of the filters' answers, each event once, newest first.
        return perFilter.Count == 1 ? perFilter[0] : new MergeStream([.. perFilter], long.MaxValue);
    }

    private IEventStream BuildFilterStream(
        ReadConnection connection, NostrFilter filter, long limit, long now, int streamCap, QueryBudget budget)
    {
        var search = filter.Search is not null;
        var specs = new List<SqlSpec>();
        var limitedInSql = FilterPlanner.PlanStreams(filter, now, streamCap, search || limit == long.MaxValue ? null : limit, specs);
        var streams = new List<IEventStream>(specs.Count);
        try
        {
            foreach (var spec in specs)
            {
                streams.Add(new SqlStream(connection, spec, budget));
            }
        }
        catch
        {
            streams.ForEach(stream => stream.Dispose());
            throw;
        }

        // The limit applies to the filter's merged, deduplicated answer; a single stream that carries it in SQL
        // and never repeats an event needs no merge.
        IEventStream merged = streams.Count == 1 && limitedInSql
            ? streams[0]
            : new MergeStream([.. streams], search ? long.MaxValue : limit);
        return search ? new MatchingStream(merged, filter, Options.Limits, limit) : merged;
    }

    private QueryBudget NewBudget(long? maxRowsScanned)
    {
        var bound = maxRowsScanned ?? Options.MaxRowsScanned;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound, nameof(maxRowsScanned));
        return new QueryBudget(bound);
    }

    private void Release(ReadConnection connection)
    {
        try
        {
            connection.EndRead();
        }
        finally
        {
            _readers.Return(connection);
        }
    }
}
