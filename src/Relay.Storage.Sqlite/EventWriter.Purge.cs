using Relay.Storage.Sqlite.Internal;

namespace Relay.Storage.Sqlite;

public sealed partial class EventWriter
{
    private Statement _expired = null!;
    private List<long> _purgeSeqs = null!;

    private void InitializePurge()
    {
        _expired = new Statement(_db, "SELECT seq FROM events WHERE expiration <= ?1 ORDER BY expiration LIMIT ?2");
        _purgeSeqs = [];
    }

    private void DisposePurge() => _expired.Dispose();

    /// <summary>
    /// NIP-40: deletes up to <paramref name="maxRows"/> events whose expiration is at or before
    /// <paramref name="now"/>, oldest expiration first, in one transaction. Queries already hide expired
    /// events; this only reclaims their space. Call it between batches with a small bound (a few hundred)
    /// and repeat while it returns <paramref name="maxRows"/>: each call holds the write lock only briefly,
    /// so <c>OK</c> replies to new events are not delayed behind a large purge.
    /// </summary>
    /// <param name="now">Unix seconds.</param>
    /// <param name="maxRows">Most events to delete in this call; positive.</param>
    /// <returns>How many events were deleted.</returns>
    public int PurgeExpired(long now, int maxRows)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRows);
        Enter();
        try
        {
            _purgeSeqs.Clear();
            try
            {
                _expired.BindInt64(1, now);
                _expired.BindInt64(2, maxRows);
                while (_expired.Step())
                {
                    _purgeSeqs.Add(_expired.ColumnInt64(0));
                }
            }
            finally
            {
                _expired.Reset();
            }

            if (_purgeSeqs.Count == 0)
            {
                return 0;
            }

            _begin.Execute();
            try
            {
                _countDelta = 0;
                foreach (var seq in _purgeSeqs)
                {
                    DeleteEvent(seq);
                }

                CommitWithCount();
            }
            catch
            {
                RollbackIfOpen();
                throw;
            }

            return _purgeSeqs.Count;
        }
        finally
        {
            Exit();
        }
    }
}
