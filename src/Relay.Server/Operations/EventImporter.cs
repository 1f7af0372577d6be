using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Relay.Nostr;
using Relay.Nostr.Events;
using Relay.Nostr.Messages;
using Relay.Server.Operations.Internal;
using Relay.Storage.Sqlite;

namespace Relay.Server.Operations;

/// <summary>
/// <c>relay import</c>: reads strfry-style JSONL (one event JSON per line) and stores every line the relay's ingest
/// would accept, with the same rules: each line is parsed as the event of an <c>EVENT</c> message by the relay's own
/// parser (structure, limits, id), then the <c>created_at</c> window and NIP-40 expiration, the BIP-340 signature,
/// and finally the storage writer's NIP-01/09/40 rules (duplicates; replaceable and addressable: newest wins;
/// deletions), which decide every outcome in input order. Ephemeral kinds are counted, not stored (NIP-01).
/// </summary>
/// <remarks>
/// <para><b>Pipeline.</b> A reading task fills batch N+1 while batch N is checked in parallel on the thread pool
/// (signature verification scales with cores) and the calling thread writes batch N−1: one transaction per batch,
/// in input order. At most three batches are in memory, whatever the input size.</para>
/// <para><b>No duplicate pre-check.</b> Unlike the relay's ingest, every signature is verified, even of events already
/// stored: the store's pre-check would read a snapshot older than the batch being committed meanwhile, so its answer
/// could differ from the writer's (an event deleted or re-admitted by that batch), making counts depend on timing,
/// and an event it waved through unverified could end up stored. A rerun therefore costs the verification again
/// (parallel; the writer then only finds duplicates), which keeps every outcome the writer's, in input order.</para>
/// <para><b>Interruption.</b> Cancellation is honoured between batches: the batch being committed finishes, nothing
/// after it is written. A killed process leaves the last committed transaction (SQLite's atomic commit), so the
/// database holds a whole number of batches; a rerun counts them as duplicates and goes on.</para>
/// <para>Not thread-safe: one import at a time per instance, and the store must have no other writer open.</para>
/// </remarks>
public sealed class EventImporter
{
    private readonly EventStore _store;
    private readonly ImportOptions _options;
    private readonly NostrLimits _parseLimits;
    private readonly ParallelOptions _parallel;

    /// <summary>Arena size per line to start with (a typical note is 300–600 bytes); an arena grows when a batch needs more.</summary>
    private const int ExpectedLineBytes = 512;

    /// <summary>Prepares an import into <paramref name="store"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Invalid options.</exception>
    public EventImporter(EventStore store, ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _store = store;
        _options = options;

        // A line is parsed as ["EVENT",line]: the message bound is the line bound plus the wrapping.
        _parseLimits = options.Limits with { MaxMessageLength = options.MaxLineBytes + ImportBatch.WrapOverhead };
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
    }

    /// <summary>
    /// Imports every line of <paramref name="input"/> until its end or until <paramref name="cancellationToken"/> is
    /// cancelled (checked between batches). Refused lines are counted, never thrown.
    /// </summary>
    /// <param name="input">JSONL; read to its end, not closed.</param>
    /// <param name="onBatchCommitted">Called on the importing thread after each commit with the running totals (progress display).</param>
    /// <param name="cancellationToken">Stops the import between batches; the summary then says <see cref="ImportSummary.Completed"/> false.</param>
    /// <returns>What was committed: <see cref="ImportSummary.Completed"/> is true when the whole input was read.</returns>
    /// <exception cref="IOException">Reading the input failed; every batch before the failure is committed.</exception>
    /// <exception cref="Microsoft.Data.Sqlite.SqliteException">The database failed (disk full, I/O error); the failed batch is rolled back.</exception>
    public async Task<ImportSummary> ImportAsync(Stream input, Action<ImportSummary>? onBatchCommitted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var clock = _options.TimeProvider;
        var started = clock.GetTimestamp();
        var summary = new ImportSummary();
        var pending = new NostrEvent[_options.BatchSize];
        var results = new WriteOutcome[_options.BatchSize];
        using var writer = _store.OpenWriter();

        // Capacity 1: one checked batch waits while another is written and the reader fills a third, so memory stays
        // at three batches and a slow input (a pipe) never holds back the commit of what has already arrived.
        var batches = Channel.CreateBounded<CheckedBatch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => ReadAsync(new JsonLineReader(input, _options.MaxLineBytes), batches.Writer, stopReading.Token), CancellationToken.None);
        try
        {
            // Waiting for the next batch is cancellable (the reader may be blocked on an idle pipe or terminal); a
            // commit under way is not: it completes, and the loop stops before the next one.
            await foreach (var item in ReadAllOrStopAsync(batches.Reader, cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await item.Check.ConfigureAwait(false);
                    if (cancellationToken.IsCancellationRequested)
                    {
                        break;
                    }

                    Write(writer, item.Batch, pending, results, summary);
                }
                finally
                {
                    item.Batch.Dispose();
                }

                summary.Elapsed = clock.GetElapsedTime(started);
                onBatchCommitted?.Invoke(summary);
            }

            // The reader says whether it reached the end of the input or stopped for the cancellation.
            summary.Completed = !cancellationToken.IsCancellationRequested && await reading.ConfigureAwait(false);
        }
        finally
        {
            await stopReading.CancelAsync().ConfigureAwait(false);

            // Batches read but not written: free them once their checks (which use the arenas) are done. A reader still
            // blocked in a read (a terminal, an idle pipe) is left behind; its batch is garbage once it wakes.
            while (batches.Reader.TryRead(out var unwritten))
            {
                await ReleaseAsync(unwritten).ConfigureAwait(false);
            }
        }

        summary.Elapsed = clock.GetElapsedTime(started);
        return summary;
    }

    /// <summary>
    /// The reading stage, on its own thread-pool thread: fills batches, starts each one's parallel check, hands it to
    /// the writer in order. Returns true when it reached the end of the input; an input error completes the channel
    /// with it, so the writer's loop throws it after committing every earlier batch.
    /// </summary>
    private async Task<bool> ReadAsync(JsonLineReader reader, ChannelWriter<CheckedBatch> output, CancellationToken stop)
    {
        try
        {
            var ended = false;
            while (!ended && !stop.IsCancellationRequested)
            {
                var batch = new ImportBatch(_options.BatchSize, ExpectedLineBytes);
                try
                {
                    ended = Fill(reader, batch);
                }
                catch
                {
                    batch.Dispose();
                    throw;
                }

                var now = _options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
                var item = new CheckedBatch(batch, Task.Run(() => Check(batch, now), CancellationToken.None));
                try
                {
                    await output.WriteAsync(item, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    await ReleaseAsync(item).ConfigureAwait(false);
                    break;
                }
            }

            output.TryComplete();
            return ended;
        }
        catch (Exception e)
        {
            output.TryComplete(e);
            throw;
        }
    }

    private static async IAsyncEnumerable<CheckedBatch> ReadAllOrStopAsync(
        ChannelReader<CheckedBatch> reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                if (!await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    yield break;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                yield break;
            }

            while (reader.TryRead(out var item))
            {
                yield return item;
            }
        }
    }

    private static async Task ReleaseAsync(CheckedBatch unwritten)
    {
        try
        {
            await unwritten.Check.ConfigureAwait(false);
        }
        finally
        {
            unwritten.Batch.Dispose();
        }
    }

    /// <summary>Reads lines into <paramref name="batch"/> until it is full or the input ends; true at the end.</summary>
    private static bool Fill(JsonLineReader reader, ImportBatch batch)
    {
        while (!batch.IsFull)
        {
            switch (reader.Read(out var line))
            {
                case LineKind.Line when line.IndexOfAnyExcept(" \t\r"u8) < 0:
                    batch.BlankLines++;
                    break;
                case LineKind.Line:
                    batch.Add(line);
                    break;
                case LineKind.TooLong:
                    batch.AddDecided(ImportOutcome.LineTooLong);
                    break;
                default:
                    batch.EndPosition = reader.Position;
                    return true;
            }
        }

        batch.EndPosition = reader.Position;
        return false;
    }

    private void Check(ImportBatch batch, long now) =>
        Parallel.For(0, batch.Count, _parallel, i => CheckLine(batch, i, now));

    /// <summary>Every check the relay's ingest runs before its writer, in the same order.</summary>
    private void CheckLine(ImportBatch batch, int index, long now)
    {
        if (batch.Outcomes[index] is not null)
        {
            return;
        }

        if (!ClientMessageParser.TryParse(batch.Wrapped(index), _parseLimits, out var message, out var error))
        {
            batch.Outcomes[index] = ImportOutcomes.FromError(error.Reason);
            return;
        }

        if (message is not EventMessage { Event: var nostrEvent })
        {
            // Unreachable: the wrapping names the verb. Counted, never stored.
            batch.Outcomes[index] = ImportOutcome.InvalidEvent;
            return;
        }

        if (!EventValidator.TryCheckTime(nostrEvent, now, _options.Limits, out error))
        {
            batch.Outcomes[index] = ImportOutcomes.FromError(error.Reason);
            return;
        }

        if (!EventValidator.TryVerifySignature(nostrEvent, _options.Verifier, out error))
        {
            batch.Outcomes[index] = ImportOutcomes.FromError(error.Reason);
            return;
        }

        if (nostrEvent.KindClass == KindClass.Ephemeral)
        {
            batch.Outcomes[index] = ImportOutcome.Ephemeral;
            return;
        }

        batch.Events[index] = nostrEvent;
    }

    /// <summary>Commits the batch's checked events in one transaction, in input order, and counts every line.</summary>
    private static void Write(EventWriter writer, ImportBatch batch, NostrEvent[] pending, WriteOutcome[] results, ImportSummary summary)
    {
        var count = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch.Outcomes[i] is null)
            {
                pending[count++] = batch.Events[i]!;
            }
        }

        writer.WriteBatch(pending.AsSpan(0, count), results.AsSpan(0, count));
        Array.Clear(pending, 0, count);

        var written = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            summary.Add(batch.Outcomes[i] ?? ImportOutcomes.FromWrite(results[written++].Status));
        }

        summary.BlankLines += batch.BlankLines;
        summary.BytesRead = batch.EndPosition;
        if (batch.Count > 0)
        {
            // The last read may find only the end of the input: an empty batch is not a transaction.
            summary.Batches++;
        }
    }
}
