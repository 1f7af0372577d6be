namespace Relay.Storage.Sqlite.Internal;

/// <summary>Rows read by one query, against its bound; shared by all streams of the query.</summary>
internal sealed class QueryBudget(long maxRowsScanned)
{
    public long RowsScanned { get; private set; }

    public bool Exhausted { get; private set; }

    /// <summary>
    /// True when one more row may be read; false (and <see cref="Exhausted"/> from then on) once the bound is
    /// reached, so a query never reads more rows than its bound.
    /// </summary>
    public bool MayRead()
    {
        if (RowsScanned >= maxRowsScanned)
        {
            Exhausted = true;
        }

        return !Exhausted;
    }

    public void Count() => RowsScanned++;
}
