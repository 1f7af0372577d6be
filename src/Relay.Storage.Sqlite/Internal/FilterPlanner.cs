using Relay.Nostr.Events;
using Relay.Nostr.Filters;

namespace Relay.Storage.Sqlite.Internal;

/// <summary>
/// Turns a NIP-01 filter into SQL that reads it through the right index.
/// </summary>
/// <remarks>
/// <para>For REQ the filter becomes <i>streams</i>: statements that each read one index range newest first
/// (<c>ORDER BY created_at DESC, id</c>, the NIP-01 order) and stop after the filter's limit. A filter on
/// authors A and kinds K reads |A|×|K| ranges of (pubkey, kind, created_at) and merges them (strfry does the
/// same): a single statement with two IN lists would have to read and sort every matching event of every
/// author before returning the newest 100. Choice of driving index, first match wins:
/// ids → primary key; a tag condition → tags (letter, value, created_at), one stream per value of the
/// condition with fewest values; authors and kinds → (pubkey, kind, created_at); authors → (pubkey,
/// created_at); kinds → (kind, created_at); otherwise (created_at). Every other condition is a residual term
/// of the same statement. <c>INDEXED BY</c> pins the plan, so it never depends on statistics.</para>
/// <para>When a filter would need more streams than its cap, it falls back to fewer, wider streams (per
/// author with a kind list, per kind with an author list, or one <c>created_at</c> scan with IN lists).</para>
/// <para>For COUNT the same driving index is read with IN lists and no order: counting needs no sort.</para>
/// </remarks>
internal static class FilterPlanner
{
    private enum Driver
    {
        Ids,
        Tag,
        AuthorKind,
        Author,
        Kind,
        Created,
    }

    /// <summary>Appends the streams of one filter to <paramref name="output"/>.</summary>
    /// <param name="filter">A filter that can match.</param>
    /// <param name="now">Unix seconds: events with <c>expiration &lt;= now</c> are never returned (NIP-40).</param>
    /// <param name="streamCap">Most streams this filter may use.</param>
    /// <param name="limit">Rows each stream may return, or null for no bound (search filters, counted in C#).</param>
    /// <param name="output">Receives the streams' SQL.</param>
    /// <returns>
    /// False when a stream may return one event more than once (one tag stream over several values of a
    /// condition): the caller then deduplicates and applies the limit itself, and the streams carry none.
    /// </returns>
    public static bool PlanStreams(NostrFilter filter, long now, int streamCap, long? limit, List<SqlSpec> output)
    {
        const string Columns = "e.created_at, e.id, e.json";
        if (filter.Ids is not null)
        {
            output.Add(Build(filter, Driver.Ids, null, default, null, now, Columns, limit));
            return true;
        }

        if (!filter.Tags.IsEmpty)
        {
            var tag = filter.Tags.MinBy(t => t.Values.Length)!;
            var values = tag.Values.Distinct(StringComparer.Ordinal).ToArray();
            if (values.Length <= streamCap)
            {
                foreach (var value in values)
                {
                    output.Add(Build(filter, Driver.Tag, tag, default, value, now, Columns, limit));
                }
            }
            else
            {
                // An event carrying two of the values comes twice: no SQL LIMIT, the caller's merge dedupes.
                output.Add(Build(filter, Driver.Tag, tag, default, null, now, Columns, null));
                return false;
            }

            return true;
        }

        var authors = filter.Authors is { } a ? a.Distinct().ToArray() : null;
        var kinds = filter.Kinds is { } k ? k.Distinct().ToArray() : null;
        if (authors is not null && kinds is not null && (long)authors.Length * kinds.Length <= streamCap)
        {
            foreach (var author in authors)
            {
                foreach (var kind in kinds)
                {
                    output.Add(Build(filter, Driver.AuthorKind, null, new StreamKey(author, kind), null, now, Columns, limit));
                }
            }
        }
        else if (authors is not null && authors.Length <= streamCap)
        {
            foreach (var author in authors)
            {
                output.Add(Build(filter, Driver.Author, null, new StreamKey(author, null), null, now, Columns, limit));
            }
        }
        else if (kinds is not null && kinds.Length <= streamCap)
        {
            foreach (var kind in kinds)
            {
                output.Add(Build(filter, Driver.Kind, null, new StreamKey(null, kind), null, now, Columns, limit));
            }
        }
        else
        {
            output.Add(Build(filter, Driver.Created, null, default, null, now, Columns, limit));
        }

        return true;
    }

    /// <summary>
    /// One statement selecting the distinct <c>seq</c> of at most <paramref name="rowLimit"/> matching events,
    /// unordered, for COUNT.
    /// </summary>
    public static void AppendCountArm(SqlSpec sql, NostrFilter filter, long now, long rowLimit)
    {
        Driver driver;
        TagFilter? tag = null;
        if (filter.Ids is not null)
        {
            driver = Driver.Ids;
        }
        else if (!filter.Tags.IsEmpty)
        {
            driver = Driver.Tag;
            tag = filter.Tags.MinBy(t => t.Values.Length);
        }
        else if (filter.Authors is not null)
        {
            driver = filter.Kinds is not null ? Driver.AuthorKind : Driver.Author;
        }
        else
        {
            driver = filter.Kinds is not null ? Driver.Kind : Driver.Created;
        }

        // DISTINCT: one event may carry several values of the driving tag.
        AppendSelect(sql, filter, driver, tag, default, null, now, driver == Driver.Tag ? "DISTINCT e.seq" : "e.seq", ordered: false, rowLimit);
    }

    private static SqlSpec Build(
        NostrFilter filter, Driver driver, TagFilter? tag, StreamKey key, string? tagValue, long now, string columns, long? limit)
    {
        var sql = new SqlSpec();
        AppendSelect(sql, filter, driver, tag, key, tagValue, now, columns, ordered: true, limit);
        return sql;
    }

    private static void AppendSelect(
        SqlSpec sql, NostrFilter filter, Driver driver, TagFilter? tag, StreamKey key, string? tagValue, long now,
        string columns, bool ordered, long? limit)
    {
        var createdAt = driver == Driver.Tag ? "t.created_at" : "e.created_at";
        sql.Append("SELECT ").Append(columns).Append(" FROM ").Append(Source(driver)).Append(" WHERE ");

        switch (driver)
        {
            case Driver.Ids:
                sql.Append("e.id IN ").InList(filter.Ids!.Value.AsSpan(), SqlValue.Id).Append(" AND ");
                break;
            case Driver.Tag:
                sql.Append("t.letter = ").Param(SqlValue.Integer(tag!.Letter));
                if (tagValue is not null)
                {
                    sql.Append(" AND t.value = ").Param(SqlValue.Text(tagValue));
                }
                else
                {
                    sql.Append(" AND t.value IN ").InList(tag.Values.AsSpan(), SqlValue.Text);
                }

                sql.Append(" AND ");
                break;
            case Driver.AuthorKind:
                AppendAuthors(sql, filter, key).Append(" AND ");
                AppendKinds(sql, filter, key).Append(" AND ");
                break;
            case Driver.Author:
                AppendAuthors(sql, filter, key).Append(" AND ");
                break;
            case Driver.Kind:
                AppendKinds(sql, filter, key).Append(" AND ");
                break;
        }

        // since <= created_at <= until (NIP-01, both inclusive), a range on the driving index.
        sql.Append(createdAt).Append(" >= ").Param(SqlValue.Integer(filter.Since ?? 0))
            .Append(" AND ").Append(createdAt).Append(" <= ").Param(SqlValue.Integer(filter.Until ?? long.MaxValue));

        if (driver != Driver.Ids && filter.Ids is { } ids)
        {
            sql.Append(" AND e.id IN ").InList(ids.AsSpan(), SqlValue.Id);
        }

        if (driver is not (Driver.AuthorKind or Driver.Author) && filter.Authors is not null)
        {
            sql.Append(" AND ");
            AppendAuthors(sql, filter, default);
        }

        if (driver is not (Driver.AuthorKind or Driver.Kind) && filter.Kinds is not null)
        {
            sql.Append(" AND ");
            AppendKinds(sql, filter, default);
        }

        foreach (var condition in filter.Tags)
        {
            if (ReferenceEquals(condition, tag))
            {
                continue;
            }

            // Primary key (event, letter, value): one b-tree probe per candidate row.
            sql.Append(" AND EXISTS (SELECT 1 FROM tags x WHERE x.event = e.seq AND x.letter = ")
                .Param(SqlValue.Integer(condition.Letter))
                .Append(" AND x.value IN ").InList(condition.Values.AsSpan(), SqlValue.Text).Append(")");
        }

        // NIP-40: never serve an expired event, whether or not the purge has removed it yet.
        sql.Append(" AND (e.expiration IS NULL OR e.expiration > ").Param(SqlValue.Integer(now)).Append(")");

        if (ordered)
        {
            // NIP-01 order: newest first, lowest id first among equals.
            sql.Append(" ORDER BY ").Append(createdAt).Append(" DESC, e.id");
        }

        if (limit is { } rows)
        {
            sql.Append(" LIMIT ").Param(SqlValue.Integer(rows));
        }
    }

    private static SqlSpec AppendAuthors(SqlSpec sql, NostrFilter filter, StreamKey key) =>
        key.Author is { } author
            ? sql.Append("e.pubkey = ").Param(SqlValue.Key(author))
            : sql.Append("e.pubkey IN ").InList(filter.Authors!.Value.AsSpan(), SqlValue.Key);

    private static SqlSpec AppendKinds(SqlSpec sql, NostrFilter filter, StreamKey key) =>
        key.Kind is { } kind
            ? sql.Append("e.kind = ").Param(SqlValue.Integer(kind))
            : sql.Append("e.kind IN ").InList(filter.Kinds!.Value.AsSpan(), static kind => SqlValue.Integer(kind));

    private static string Source(Driver driver) => driver switch
    {
        Driver.Ids => "events e INDEXED BY events_id",

        // CROSS JOIN keeps tags as the outer loop: the index range is what orders the rows.
        Driver.Tag => "tags t INDEXED BY tags_value CROSS JOIN events e ON e.seq = t.event",
        Driver.AuthorKind => "events e INDEXED BY events_pubkey_kind",
        Driver.Author => "events e INDEXED BY events_pubkey",
        Driver.Kind => "events e INDEXED BY events_kind",
        _ => "events e INDEXED BY events_created",
    };

    /// <summary>The equality keys of one stream: an author, a kind, or both.</summary>
    private readonly record struct StreamKey(PublicKey? Author, int? Kind);
}
