using System.Diagnostics;
using Relay.LoadGenerator.Events;
using Relay.LoadGenerator.Measurement;

namespace Relay.LoadGenerator.Scenarios;

/// <summary>
/// <c>relay-load publish</c>: ingest throughput. Events are signed (or read) before the clock starts; the relay's CPU
/// time is read from /proc before the first connection and after the last OK. Matches <c>loadtest/k6/publish.js</c>.
/// </summary>
internal static class PublishScenario
{
    /// <summary>Runs the scenario.</summary>
    public static async Task<PublishResult> RunAsync(PublishSettings settings, CancellationToken cancellationToken)
    {
        var events = settings.InputFile is { } input
            ? await JsonlEvents.ReadAsync(input, settings.Events, cancellationToken).ConfigureAwait(false)
            : [.. EventFactory.Sign(settings.Recipe, EventFactory.AuthorKeys(settings.Recipe), 0, settings.Events, settings.Events,
                settings.Time.GetUtcNow().ToUnixTimeSeconds())];

        using var timeout = new CancellationTokenSource(settings.Timeout, settings.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var relayCpuBefore = settings.RelayPid is { } pid ? ProcessProbe.CpuSeconds(pid) : null;
        var ownCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;

        var counts = await Publisher.RunAsync(new PublishPlan
        {
            Url = settings.Url,
            Events = events,
            Connections = settings.Connections,
            Window = settings.Window,
            Rate = settings.Rate,
            Time = settings.Time,
        }, linked.Token).ConfigureAwait(false);

        var relayCpuAfter = settings.RelayPid is { } pid2 ? ProcessProbe.CpuSeconds(pid2) : null;
        var ownCpu = (Process.GetCurrentProcess().TotalProcessorTime - ownCpuBefore).TotalSeconds;
        return PublishResult.From("publish", events.Count, settings.Connections, counts, settings.Time,
            timeout.IsCancellationRequested, relayCpuAfter - relayCpuBefore, ownCpu);
    }
}
