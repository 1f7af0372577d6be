using Relay.LoadGenerator.Events;
using Relay.LoadGenerator.Measurement;
using Relay.LoadGenerator.Nostr;

namespace Relay.LoadGenerator.Scenarios;

/// <summary>
/// <c>relay-load req</c>: REQ time-to-EOSE for an authors+kinds+limit filter over authors the database holds (derived
/// from the same key seed as <c>seed</c> and generate-events.mjs, or read from a JSONL file). The "one author" and
/// "ten authors" shapes of <c>loadtest/k6/req-mix.js</c> are <c>--authors-per-query 1</c> and <c>10</c>.
/// </summary>
internal static class ReqScenario
{
    /// <summary>Runs the scenario.</summary>
    public static async Task<ReqResult> RunAsync(ReqSettings settings, CancellationToken cancellationToken)
    {
        var time = settings.Time;
        var authors = settings.InputFile is { } input
            ? [.. (await JsonlEvents.ReadAsync(input, int.MaxValue, cancellationToken).ConfigureAwait(false)).Select(e => e.PubKey).Distinct(StringComparer.Ordinal)]
            : EventFactory.AuthorPubKeys(settings.Recipe);

        // Every REQ is built before the clock starts; each worker draws its own, in order.
        var random = new Random(settings.Queries);
        var requests = new byte[settings.Queries][];
        for (var n = 0; n < requests.Length; n++)
        {
            var chosen = Enumerable.Range(0, settings.AuthorsPerQuery).Select(_ => authors[random.Next(authors.Length)]).Distinct(StringComparer.Ordinal).ToList();
            requests[n] = ClientFrames.Req($"q{n}", filter =>
            {
                filter.WriteStartArray("authors");
                foreach (var author in chosen)
                    filter.WriteStringValue(author);
                filter.WriteEndArray();
                filter.WriteStartArray("kinds");
                foreach (var kind in settings.Kinds)
                    filter.WriteNumberValue(kind);
                filter.WriteEndArray();
                filter.WriteNumber("limit", settings.Limit);
            });
        }

        using var timeout = new CancellationTokenSource(settings.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var issued = -1;
        int Next() => Interlocked.Increment(ref issued) is var n && n < settings.Queries ? n : -1;

        var failures = new Dictionary<string, long>(StringComparer.Ordinal);
        var workers = new List<ReqWorker>();
        var runs = new List<Task>();
        for (var i = 0; i < settings.Concurrency; i++)
        {
            var connect = await RelayConnector.ConnectAsync(settings.Url, time, linked.Token).ConfigureAwait(false);
            if (connect.Connection is not { } connection)
            {
                failures[ConnectFailure.Describe(connect)] = failures.GetValueOrDefault(ConnectFailure.Describe(connect)) + 1;
                continue;
            }

            var worker = new ReqWorker(connection, time);
            workers.Add(worker);
            runs.Add(worker.RunAsync(Next, n => requests[n], settings.QueryTimeout, linked.Token));
        }

        await Task.WhenAll(runs).ConfigureAwait(false);

        var latency = new LatencyHistogram();
        var closed = new Dictionary<string, long>(StringComparer.Ordinal);
        long sent = 0, eose = 0, timeouts = 0, events = 0, lost = 0, first = long.MaxValue, last = 0;
        foreach (var worker in workers)
        {
            sent += worker.Sent;
            eose += worker.Eose;
            timeouts += worker.Timeouts;
            events += worker.Events;
            lost += worker.Lost ? 1 : 0;
            if (worker.FirstSend != 0)
                first = Math.Min(first, worker.FirstSend);
            last = Math.Max(last, worker.LastAnswer);
            latency.Add(worker.TimeToEose);
            foreach (var (prefix, count) in worker.Closed)
                closed[prefix] = closed.GetValueOrDefault(prefix) + count;
        }

        var elapsed = first != long.MaxValue && last > first ? time.GetElapsedTime(first, last).TotalSeconds : 0;
        return new ReqResult
        {
            Queries = settings.Queries,
            Sent = sent,
            Eose = eose,
            ClosedByRelay = closed,
            QueryTimeouts = timeouts,
            EventsReceived = events,
            ConnectFailures = failures,
            ConnectionsLost = lost,
            TimedOut = timeout.IsCancellationRequested,
            ElapsedSeconds = elapsed,
            QueriesPerSecond = elapsed > 0 ? eose / elapsed : 0,
            TimeToEoseP50Ms = latency.PercentileMs(50),
            TimeToEoseP90Ms = latency.PercentileMs(90),
            TimeToEoseP99Ms = latency.PercentileMs(99),
            TimeToEoseMaxMs = latency.Max / 1000.0,
        };
    }
}
