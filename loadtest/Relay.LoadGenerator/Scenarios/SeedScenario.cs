using System.Diagnostics;
using Relay.LoadGenerator.Events;

namespace Relay.LoadGenerator.Scenarios;

/// <summary>
/// <c>relay-load seed</c>: fills a relay's database by publishing, batch by batch (sign a batch, publish it), and/or
/// writes the events as JSONL. <c>relay import</c> of that file (issue 6) skips the WebSocket path and is faster for
/// a million events; publishing exercises the relay's real ingest.
/// </summary>
internal static class SeedScenario
{
    /// <summary>Runs the scenario.</summary>
    public static async Task<SeedResult> RunAsync(SeedSettings settings, CancellationToken cancellationToken)
    {
        var time = settings.Time;
        using var timeout = new CancellationTokenSource(settings.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var keys = EventFactory.AuthorKeys(settings.Recipe);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var total = new PublishCounts();
        var signing = TimeSpan.Zero;
        var publishing = TimeSpan.Zero;
        long signed = 0, written = 0;
        var ownCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;

        var output = settings.WriteJsonl is { } path ? new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16, useAsync: true) : null;
        await using (output)
        {
            try
            {
                for (long first = 0; first < settings.Events; first += settings.Batch)
                {
                    linked.Token.ThrowIfCancellationRequested();
                    var started = time.GetTimestamp();
                    var batch = EventFactory.Sign(settings.Recipe, keys, first, (int)Math.Min(settings.Batch, settings.Events - first), settings.Events, now);
                    signing += time.GetElapsedTime(started);
                    signed += batch.Length;
                    if (output is not null)
                    {
                        await JsonlEvents.WriteAsync(output, batch, linked.Token).ConfigureAwait(false);
                        written += batch.Length;
                    }

                    if (settings.Url is not { } url)
                    {
                        settings.OnBatch?.Invoke(signed, 0);
                        continue;
                    }

                    started = time.GetTimestamp();
                    var counts = await Publisher.RunAsync(new PublishPlan
                    {
                        Url = url, Events = batch, Connections = settings.Connections, Window = settings.Window, Time = time,
                    }, linked.Token).ConfigureAwait(false);
                    publishing += time.GetElapsedTime(started);
                    total.Add(counts);
                    settings.OnBatch?.Invoke(signed, total.Accepted);
                    if (counts.Missing > 0 || counts.ConnectFailures.Count > 0)
                        break;   // the relay stopped answering: more batches would only pile up missing OKs
                }
            }
            catch (OperationCanceledException) when (linked.Token.IsCancellationRequested)
            {
                // Reported as timed out.
            }
        }

        var ownCpu = (Process.GetCurrentProcess().TotalProcessorTime - ownCpuBefore).TotalSeconds;
        var publish = PublishResult.From("seed", signed, settings.Connections, total, time, timeout.IsCancellationRequested, null, ownCpu) with
        {
            // Batches are separated by signing: rates are over publishing time only.
            ElapsedSeconds = publishing.TotalSeconds,
            AcceptedPerSecond = publishing > TimeSpan.Zero ? total.Accepted / publishing.TotalSeconds : 0,
            OksPerSecond = publishing > TimeSpan.Zero ? (total.Accepted + total.Duplicates + total.RejectedTotal) / publishing.TotalSeconds : 0,
        };
        return new SeedResult
        {
            Signed = signed,
            Written = written,
            File = settings.WriteJsonl,
            Published = settings.Url is not null,
            Publish = publish,
            SigningSeconds = signing.TotalSeconds,
            TimedOut = timeout.IsCancellationRequested,
        };
    }
}
