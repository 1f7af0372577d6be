using Relay.Nostr.Events;
using Relay.Storage.Sqlite.Internal;

namespace Relay.Storage.Sqlite;

/// <summary>
/// The stored events answering one REQ, produced one at a time in NIP-01 order: newest <c>created_at</c>
/// first, lowest id first among equals; each filter limited to its own effective limit; events matched by
/// several filters returned once; expired events (NIP-40) never. Obtained from <see cref="EventStore.OpenQuery"/>.
/// </summary>
/// <remarks>
/// <para><b>Slices.</b> The cursor does the work as it is advanced: each <see cref="MoveNext"/> reads only the rows
/// needed for the next event. A query worker serving several REQs interleaves them by calling
/// <see cref="MoveNext"/> a bounded number of times (say 100) on one cursor, then on the next, so a huge REQ
/// cannot stall small ones behind it.</para>
/// <para><b>Bound.</b> A query reads at most its row bound (<see cref="EventStoreOptions.MaxRowsScanned"/>) from the
/// indexes. When it is reached, <see cref="MoveNext"/> returns false and <see cref="Truncated"/> is true: the
/// events returned so far are exactly the first ones of the full answer, in order; the relay ends the
/// subscription's stored part there (EOSE) or closes it, as it chooses.</para>
/// <para><b>Snapshot.</b> The cursor reads one consistent snapshot, held (with its read connection) until it
/// finishes or is disposed; a held snapshot keeps SQLite from recycling the WAL past it, so drain cursors
/// promptly and always dispose them.</para>
/// <para>Not thread-safe: one thread at a time, though successive calls may come from different threads.</para>
/// </remarks>
public sealed class QueryCursor : IDisposable
{
    private readonly ReaderPool? _pool;
    private readonly IEventStream _root;
    private readonly QueryBudget _budget;
    private ReadConnection? _connection;
    private bool _hasCurrent;
    private bool _finished;

    internal QueryCursor(ReaderPool? pool, ReadConnection? connection, IEventStream root, QueryBudget budget)
    {
        _pool = pool;
        _connection = connection;
        _root = root;
        _budget = budget;
    }

    /// <summary>The current event's canonical JSON, valid until the next <see cref="MoveNext"/> or <see cref="Dispose"/>.</summary>
    /// <exception cref="InvalidOperationException"><see cref="MoveNext"/> has not returned true.</exception>
    public ReadOnlySpan<byte> CurrentJson => Current.Json;

    /// <summary>The current event's id.</summary>
    public EventId CurrentId => Current.Id;

    /// <summary>The current event's <c>created_at</c>.</summary>
    public long CurrentCreatedAt => Current.CreatedAt;

    /// <summary>Events returned so far.</summary>
    public int Returned { get; private set; }

    /// <summary>Rows read from the indexes so far, including rows other filters also matched or that a limit cut off (a metric).</summary>
    public long RowsScanned => _budget.RowsScanned;

    /// <summary>True when the row bound stopped the query before its end.</summary>
    public bool Truncated => _budget.Exhausted;

    /// <summary>True once <see cref="MoveNext"/> has returned false.</summary>
    public bool IsFinished => _finished;

    private IEventStream Current => _hasCurrent ? _root : ThrowHelper.ThrowInvalidOperation<IEventStream>("There is no current event.");

    /// <summary>Advances to the next event: true when there is one, false at the end or when the row bound was reached.</summary>
    public bool MoveNext()
    {
        if (_finished)
        {
            return false;
        }

        _hasCurrent = _root.MoveNext();

        // A stream refused by the bound looks finished to its merge, which may then return a later event from
        // another stream: discard it, so what was returned is always a prefix of the true answer.
        if (!_hasCurrent || _budget.Exhausted)
        {
            _hasCurrent = false;
            Finish();
            return false;
        }

        Returned++;
        return true;
    }

    /// <summary>Releases the statements, the snapshot and the read connection.</summary>
    public void Dispose()
    {
        _hasCurrent = false;
        Finish();
    }

    private void Finish()
    {
        if (_finished && _connection is null)
        {
            return;
        }

        _finished = true;
        _root.Dispose();
        if (_connection is { } connection)
        {
            _connection = null;
            try
            {
                connection.EndRead();
            }
            finally
            {
                _pool!.Return(connection);
            }
        }
    }
}
