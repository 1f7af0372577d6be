using Relay.Nostr.Events;

namespace Relay.Storage.Sqlite.Internal;

/// <summary>One statement reading one index range newest first (see <see cref="FilterPlanner"/>).</summary>
internal sealed class SqlStream : IEventStream
{
    private readonly ReadConnection _connection;
    private readonly QueryBudget _budget;
    private Statement? _statement;

    public SqlStream(ReadConnection connection, SqlSpec spec, QueryBudget budget)
    {
        _connection = connection;
        _budget = budget;
        _statement = connection.RentStatement(spec.Sql);
        spec.BindAll(_statement);
    }

    public long CreatedAt { get; private set; }

    public EventId Id { get; private set; }

    public ReadOnlySpan<byte> Json => _statement!.ColumnBlob(2);

    public bool MoveNext()
    {
        if (_statement is null || !_budget.MayRead())
        {
            return false;
        }

        if (!_statement.Step())
        {
            // Give the statement back now: it no longer holds a b-tree cursor while other streams go on.
            Dispose();
            return false;
        }

        _budget.Count();
        CreatedAt = _statement.ColumnInt64(0);
        Id = _statement.ColumnId(1);
        return true;
    }

    public void Dispose()
    {
        if (_statement is { } statement)
        {
            _statement = null;
            _connection.ReturnStatement(statement);
        }
    }
}
