using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Relay.Storage.Sqlite.Internal;

/// <summary>
/// A read-only connection with its prepared statements: the point lookups, and a cache of query statements
/// keyed by SQL text (the planner's texts repeat: IN lists are bucketed, values are parameters).
/// </summary>
/// <remarks>Not thread-safe: used by one thread at a time, between <see cref="ReaderPool.Rent"/> and <see cref="ReaderPool.Return"/>.</remarks>
internal sealed class ReadConnection : IDisposable
{
    /// <summary>
    /// Idle statements kept per connection. 512: a REQ of 50 filters over per-author streams reuses one text
    /// per filter shape, but needs one statement per concurrently open stream; 512 covers the streams of a large
    /// REQ (<see cref="EventStore.MaxStreamsPerQuery"/> is 1,024, rarely reached) at a few KiB each.
    /// </summary>
    private const int MaxIdleStatements = 512;

    private readonly Dictionary<string, Stack<Statement>> _statements = new(StringComparer.Ordinal);
    private readonly Statement _begin;
    private readonly Statement _commit;
    private int _idleStatements;

    public ReadConnection(EventStoreOptions options)
    {
        Connection = Connections.OpenReader(options);
        try
        {
            Db = Connection.Handle ?? ThrowHelper.ThrowInvalidOperation<sqlite3>("A read connection is not open.");
            Lookups = new Lookups(Db);
            _begin = new Statement(Db, "BEGIN");
            _commit = new Statement(Db, "COMMIT");
        }
        catch
        {
            Connection.Dispose();
            throw;
        }
    }

    public SqliteConnection Connection { get; }

    public sqlite3 Db { get; }

    public Lookups Lookups { get; }

    /// <summary>True when no transaction is open: the state in which a connection may go back to the pool.</summary>
    public bool IsIdle => raw.sqlite3_get_autocommit(Db) != 0;

    /// <summary>
    /// Starts a read transaction: every statement until <see cref="EndRead"/> sees one snapshot of the database,
    /// so the streams of one query agree (a replaced version cannot appear in one and its successor in another).
    /// </summary>
    public void BeginRead() => _begin.Execute();

    public void EndRead()
    {
        if (!IsIdle)
        {
            _commit.Execute();
        }
    }

    public Statement RentStatement(string sql)
    {
        if (_statements.TryGetValue(sql, out var idle) && idle.TryPop(out var statement))
        {
            _idleStatements--;
            return statement;
        }

        return new Statement(Db, sql);
    }

    public void ReturnStatement(Statement statement)
    {
        statement.Reset();
        if (_idleStatements >= MaxIdleStatements)
        {
            statement.Dispose();
            return;
        }

        if (!_statements.TryGetValue(statement.Sql, out var idle))
        {
            idle = new Stack<Statement>();
            _statements.Add(statement.Sql, idle);
        }

        idle.Push(statement);
        _idleStatements++;
    }

    public void Dispose()
    {
        foreach (var idle in _statements.Values)
        {
            foreach (var statement in idle)
            {
                statement.Dispose();
            }
        }

        _statements.Clear();
        Lookups.Dispose();
        _begin.Dispose();
        _commit.Dispose();
        Connection.Dispose();
    }
}
