using Microsoft.Data.Sqlite;
using Relay.Nostr.Events;
using Relay.Storage.Sqlite.Internal;
using SQLitePCL;

namespace Relay.Storage.Sqlite;

/// <summary>
/// The one connection that writes: batches of events in one transaction each (strfry's "one batching
/// writer"), and the background purge of expired events. Obtained from <see cref="EventStore.OpenWriter"/>.
/// </summary>
/// <remarks>
/// <para><b>Not thread-safe.</b> The relay calls it from one dedicated thread (its writer actor); a call made
/// while another is running on a different thread throws <see cref="InvalidOperationException"/>.</para>
/// <para>Every outcome is final only once <see cref="WriteBatch(ReadOnlySpan{NostrEvent}, Span{WriteOutcome})"/>
/// returns: that is when the transaction has committed, so the relay sends <c>OK</c> after it, never before.</para>
/// </remarks>
public sealed partial class EventWriter : IDisposable
{
    private readonly EventStore _store;
    private readonly SqliteConnection _connection;
    private readonly sqlite3 _db;
    private readonly Lookups _lookups;
    private readonly Statement _begin;
    private readonly Statement _commit;
    private readonly Statement _rollback;
    private readonly Statement _insertEvent;
    private readonly Statement _insertTag;
    private readonly Statement _deleteEvent;
    private readonly Statement _deleteTags;
    private readonly Statement _addCount;
    private readonly Checkpointer _checkpointer;
    private readonly string _walPath;
    private int _busy;
    private long _countDelta;
    private long _pagesSinceCheckpointRequest;
    private bool _walCheckpointDue;
    private bool _disposed;

    internal EventWriter(EventStore store, SqliteConnection connection)
    {
        _store = store;
        _connection = connection;
        _db = connection.Handle ?? ThrowHelper.ThrowInvalidOperation<sqlite3>("The writer connection is not open.");
        _lookups = new Lookups(_db);

        // IMMEDIATE takes the write lock at BEGIN, so a batch never fails half-way for want of it.
        _begin = new Statement(_db, "BEGIN IMMEDIATE");
        _commit = new Statement(_db, "COMMIT");
        _rollback = new Statement(_db, "ROLLBACK");
        _insertEvent = new Statement(
            _db, "INSERT INTO events(id, pubkey, created_at, kind, d_tag, expiration, json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");

        // OR IGNORE: an event may repeat a (letter, value) pair; the index needs it once.
        _insertTag = new Statement(_db, "INSERT OR IGNORE INTO tags(event, letter, value, created_at) VALUES (?1, ?2, ?3, ?4)");
        _deleteEvent = new Statement(_db, "DELETE FROM events WHERE seq = ?1");
        _deleteTags = new Statement(_db, "DELETE FROM tags WHERE event = ?1");
        _addCount = new Statement(_db, "UPDATE meta SET value = value + ?1 WHERE key = 'event_count'");
        InitializeDeletion();
        InitializePurge();
        _walPath = store.DatabasePath + "-wal";
        _checkpointer = new Checkpointer(store.Options);
    }

    /// <summary>Background checkpoints completed so far (tests, diagnostics).</summary>
    internal long BackgroundCheckpoints => _checkpointer.Completed;

    /// <summary>Checkpoints the writer ran itself because the WAL passed <see cref="EventStoreOptions.MaxWalBytes"/>.</summary>
    internal long WriterCheckpoints { get; private set; }

    /// <summary>
    /// Stores a batch in ONE transaction and returns one outcome per event, in order. Events later in the
    /// batch see the effects of earlier ones (two versions of one address, a deletion and its target).
    /// </summary>
    /// <param name="events">The events, already validated by the relay (id, signature, limits, not expired).</param>
    /// <returns>The outcomes, index for index.</returns>
    /// <exception cref="ArgumentException">An event is ephemeral (see <see cref="WriteBatch(ReadOnlySpan{NostrEvent}, Span{WriteOutcome})"/>).</exception>
    /// <exception cref="SqliteException">SQLite failed (disk full, I/O error): nothing of the batch was stored.</exception>
    public WriteOutcome[] WriteBatch(IReadOnlyList<NostrEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var array = events as NostrEvent[] ?? [.. events];
        var outcomes = new WriteOutcome[array.Length];
        WriteBatch(array, outcomes);
        return outcomes;
    }

    /// <summary>
    /// Stores a batch in ONE transaction, writing one outcome per event into <paramref name="outcomes"/>.
    /// </summary>
    /// <param name="events">
    /// The events, already validated by the relay. Ephemeral kinds (20000–29999) are a programming error:
    /// NIP-01 says relays do not store them, the relay delivers them itself, so the whole batch is refused
    /// with <see cref="ArgumentException"/> before anything is written.
    /// </param>
    /// <param name="outcomes">Receives the outcome of <c>events[i]</c> at index i; at least as long as <paramref name="events"/>.</param>
    /// <exception cref="ArgumentException">An ephemeral or null event, or <paramref name="outcomes"/> is too short.</exception>
    /// <exception cref="SqliteException">
    /// SQLite failed (disk full, I/O error). The transaction is rolled back: nothing of the batch is stored and
    /// the relay answers each event <see cref="WriteStatus.Failed"/>.
    /// </exception>
    public void WriteBatch(ReadOnlySpan<NostrEvent> events, Span<WriteOutcome> outcomes)
    {
        if (outcomes.Length < events.Length)
        {
            ThrowHelper.ThrowArgument("There must be room for one outcome per event.", nameof(outcomes));
        }

        foreach (var nostrEvent in events)
        {
            if (nostrEvent is null)
            {
                ThrowHelper.ThrowArgument("A batch must not contain null.", nameof(events));
            }

            if (nostrEvent.KindClass == KindClass.Ephemeral)
            {
                ThrowHelper.ThrowArgument(
                    $"Kind {nostrEvent.Kind} is ephemeral: NIP-01 events of kinds 20000-29999 are not stored.", nameof(events));
            }
        }

        if (events.IsEmpty)
        {
            return;
        }

        Enter();
        try
        {
            var now = _store.Options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
            CheckpointIfWalTooLarge();
            _begin.Execute();
            try
            {
                _countDelta = 0;
                for (var i = 0; i < events.Length; i++)
                {
                    outcomes[i] = new WriteOutcome(WriteOne(events[i], now));
                }

                CommitWithCount();
            }
            catch
            {
                RollbackIfOpen();
                throw;
            }
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Closes the writer connection; a new writer may then be opened.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        RollbackIfOpen();
        _lookups.Dispose();
        _begin.Dispose();
        _commit.Dispose();
        _rollback.Dispose();
        _insertEvent.Dispose();
        _insertTag.Dispose();
        _deleteEvent.Dispose();
        _deleteTags.Dispose();
        _addCount.Dispose();
        DisposeDeletion();
        DisposePurge();
        _checkpointer.Dispose();
        _connection.Dispose();
        _store.WriterClosed();
    }

    private WriteStatus WriteOne(NostrEvent nostrEvent, long now)
    {
        if (_lookups.Exists(nostrEvent.Id))
        {
            return WriteStatus.Duplicate;
        }

        // NIP-40: the relay refuses expired events before storage; never store one if it slips through.
        if (nostrEvent.IsExpired(now))
        {
            return WriteStatus.Expired;
        }

        if (_lookups.IsDeletedById(nostrEvent))
        {
            return WriteStatus.Deleted;
        }

        if (nostrEvent.Address is { } address)
        {
            return WriteVersion(nostrEvent, address);
        }

        if (nostrEvent.Kind == Kinds.Deletion)
        {
            return WriteDeletion(nostrEvent);
        }

        Insert(nostrEvent, dTag: null);
        return WriteStatus.Stored;
    }

    /// <summary>NIP-01 replaceable and addressable events: keep only the newest version of an address.</summary>
    private WriteStatus WriteVersion(NostrEvent nostrEvent, EventAddress address)
    {
        if (_lookups.IsDeletedByAddress(nostrEvent, address))
        {
            return WriteStatus.Deleted;
        }

        if (_lookups.FindVersion(address) is { } stored)
        {
            if (!StoredVersion.Replaces(nostrEvent.CreatedAt, nostrEvent.Id, stored.CreatedAt, stored.Id))
            {
                return WriteStatus.Superseded;
            }

            DeleteEvent(stored.Seq);
        }

        Insert(nostrEvent, address.Identifier);
        return WriteStatus.Stored;
    }

    private void Insert(NostrEvent nostrEvent, string? dTag)
    {
        var insert = _insertEvent;
        insert.BindId(1, nostrEvent.Id);
        insert.BindKey(2, nostrEvent.PubKey);
        insert.BindInt64(3, nostrEvent.CreatedAt);
        insert.BindInt64(4, nostrEvent.Kind);
        if (dTag is null)
        {
            insert.BindNull(5);
        }
        else
        {
            insert.BindText(5, dTag);
        }

        if (nostrEvent.Expiration is { } expiration)
        {
            insert.BindInt64(6, expiration);
        }
        else
        {
            insert.BindNull(6);
        }

        insert.BindBlob(7, nostrEvent.Json.Span);
        insert.Execute();
        var seq = raw.sqlite3_last_insert_rowid(_db);

        foreach (var (letter, value) in nostrEvent.EnumerateIndexedTags())
        {
            _insertTag.BindInt64(1, seq);
            _insertTag.BindInt64(2, letter);
            _insertTag.BindText(3, value);
            _insertTag.BindInt64(4, nostrEvent.CreatedAt);
            _insertTag.Execute();
        }

        _countDelta++;
    }

    private void DeleteEvent(long seq)
    {
        _deleteTags.BindInt64(1, seq);
        _deleteTags.Execute();
        _deleteEvent.BindInt64(1, seq);
        _deleteEvent.Execute();
        _countDelta--;
    }

    private void CommitWithCount()
    {
        if (_countDelta != 0)
        {
            _addCount.BindInt64(1, _countDelta);
            _addCount.Execute();
        }

        _commit.Execute();
        CountWalPages();
    }

    /// <summary>
    /// Every <see cref="EventStoreOptions.WalCheckpointPages"/> pages this connection appended to the WAL
    /// (SQLITE_DBSTATUS_CACHE_WRITE: pages written by commits), wakes the background checkpointer — or, when the
    /// WAL has outgrown <see cref="EventStoreOptions.MaxWalBytes"/>, leaves the checkpoint to the writer's next
    /// batch (<see cref="CheckpointIfWalTooLarge"/>).
    /// </summary>
    private void CountWalPages()
    {
        const int CacheWrite = 9; // SQLITE_DBSTATUS_CACHE_WRITE
        raw.sqlite3_db_status(_db, CacheWrite, out var pages, out _, 1);
        _pagesSinceCheckpointRequest += pages;
        if (_pagesSinceCheckpointRequest < _store.Options.WalCheckpointPages)
        {
            return;
        }

        _pagesSinceCheckpointRequest = 0;
        var wal = new FileInfo(_walPath);
        if (wal.Exists && wal.Length > _store.Options.MaxWalBytes)
        {
            _walCheckpointDue = true;
        }
        else
        {
            _checkpointer.Request();
        }
    }

    /// <summary>
    /// The backstop, before a batch writes anything (so a failure costs that batch, never a committed one): under
    /// sustained load the background checkpoint never copies the WAL completely, so the WAL never restarts and
    /// grows; past <see cref="EventStoreOptions.MaxWalBytes"/> the writer checkpoints itself between transactions,
    /// which copies everything, and the next transaction restarts the WAL. SQLite answers SQLITE_BUSY, without
    /// waiting, while the background thread still runs an earlier checkpoint: the next batch tries again.
    /// </summary>
    private void CheckpointIfWalTooLarge()
    {
        if (_walCheckpointDue && Checkpointer.Checkpoint(_db))
        {
            _walCheckpointDue = false;
            WriterCheckpoints++;
        }
    }

    private void RollbackIfOpen()
    {
        // After some errors (SQLITE_FULL during COMMIT, for one) SQLite has already rolled back.
        if (raw.sqlite3_get_autocommit(_db) == 0)
        {
            _rollback.Execute();
        }
    }

    private void Enter()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Interlocked.Exchange(ref _busy, 1) != 0)
        {
            ThrowHelper.ThrowInvalidOperation("EventWriter is not thread-safe: it was called while another call was running.");
        }
    }

    private void Exit() => Volatile.Write(ref _busy, 0);
}
