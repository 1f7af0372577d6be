using System.Diagnostics;
using System.Security.Cryptography;
using Relay.LoadGenerator.Events;
using Relay.LoadGenerator.Measurement;
using Relay.LoadGenerator.Nostr;

namespace Relay.LoadGenerator.Scenarios;

/// <summary>
/// <c>relay-load fanout</c>: subscribers hold a live subscription to this run's events (a fresh <c>t</c> tag, so nothing
/// else matches), then publishers send pre-signed events; deliveries are counted and timed from the moment each event
/// was queued for sending. Matches <c>loadtest/k6/subscribe-fanout.js</c>.
/// </summary>
internal static class FanoutScenario
{
    /// <summary>Connections opened at once: the client serialises handshakes per endpoint anyway; this overlaps the REQs.</summary>
    private const int ConnectParallelism = 16;

    /// <summary>Runs the scenario.</summary>
    public static async Task<FanoutResult> RunAsync(FanoutSettings settings, CancellationToken cancellationToken)
    {
        var time = settings.Time;
        var tag = $"relay-load-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
        var recipe = settings.Recipe with { Kinds = [settings.Kind], Tag = tag, SpreadSeconds = 0 };
        var events = EventFactory.Sign(recipe, EventFactory.AuthorKeys(recipe), 0, settings.Events, settings.Events, time.GetUtcNow().ToUnixTimeSeconds());
        var lookup = new EventLookup(events);
        var sentAt = new long[events.Length];

        using var timeout = new CancellationTokenSource(settings.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var token = linked.Token;

        var connectionCount = (settings.Subscribers + settings.SubscriptionsPerConnection - 1) / settings.SubscriptionsPerConnection;
        var subscribers = new FanoutSubscriber?[connectionCount];
        var failures = new Dictionary<string, long>(StringComparer.Ordinal);
        try
        {
            await Parallel.ForAsync(0, connectionCount, new ParallelOptions { MaxDegreeOfParallelism = ConnectParallelism, CancellationToken = token },
                async (i, ct) =>
                {
                    var connect = await RelayConnector.ConnectAsync(settings.Url, time, ct).ConfigureAwait(false);
                    if (connect.Connection is not { } connection)
                    {
                        lock (failures)
                            failures[ConnectFailure.Describe(connect)] = failures.GetValueOrDefault(ConnectFailure.Describe(connect)) + 1;
                        return;
                    }

                    var subscriptions = Math.Min(settings.SubscriptionsPerConnection, settings.Subscribers - (i * settings.SubscriptionsPerConnection));
                    var subscriber = new FanoutSubscriber(connection, subscriptions, lookup, sentAt, events.Length, time);
                    subscribers[i] = subscriber;
                    await subscriber.SubscribeAsync(settings.Kind, tag, token).ConfigureAwait(false);
                }).ConfigureAwait(false);
            await Task.WhenAll(subscribers.OfType<FanoutSubscriber>().Select(s => s.Subscribed)).WaitAsync(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Reported through the counts below.
        }

        var open = subscribers.OfType<FanoutSubscriber>().ToList();
        var relayCpuBefore = settings.RelayPid is { } pid ? ProcessProbe.CpuSeconds(pid) : null;
        var ownCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var publish = new PublishCounts();
        if (!token.IsCancellationRequested)
        {
            publish = await Publisher.RunAsync(new PublishPlan
            {
                Url = settings.Url,
                Events = events,
                Connections = settings.Publishers,
                Window = settings.Window,
                Rate = settings.Rate,
                Time = time,
                OnSending = index => Volatile.Write(ref sentAt[index], time.GetTimestamp()),
            }, token).ConfigureAwait(false);

            // Relays broadcast what they accepted; duplicates and rejections are not delivered (NIP-01).
            foreach (var subscriber in open)
                subscriber.ExpectPerSubscription(publish.Accepted);
            try
            {
                await Task.WhenAll(open.Select(s => s.Delivered)).WaitAsync(token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // Reported through the counts below.
            }
        }

        var relayCpuAfter = settings.RelayPid is { } pid2 ? ProcessProbe.CpuSeconds(pid2) : null;
        var ownCpu = (Process.GetCurrentProcess().TotalProcessorTime - ownCpuBefore).TotalSeconds;
        var timedOut = timeout.IsCancellationRequested;
        var latency = new LatencyHistogram();
        long deliveries = 0, foreign = 0, eoses = 0, closed = 0, lost = 0, lastDelivery = 0;
        foreach (var subscriber in open)
        {
            deliveries += subscriber.Deliveries;
            foreign += subscriber.Foreign;
            eoses += subscriber.Eoses;
            closed += subscriber.Closed;
            lost += subscriber.Lost ? 1 : 0;
            lastDelivery = Math.Max(lastDelivery, subscriber.LastDeliveryTimestamp);
            latency.Add(subscriber.Latency);
        }

        await Task.WhenAll(open.Select(s => s.CloseAsync())).ConfigureAwait(false);
        var elapsed = publish.FirstSendTimestamp != 0 && lastDelivery != 0 ? time.GetElapsedTime(publish.FirstSendTimestamp, lastDelivery).TotalSeconds : 0;
        return new FanoutResult
        {
            Subscribers = settings.Subscribers,
            Connections = open.Count,
            Subscribed = eoses,
            ClosedByRelay = closed,
            ConnectFailures = failures,
            ConnectionsLost = lost,
            Publish = PublishResult.From("fanout", events.Length, settings.Publishers, publish, time, timedOut, null, ownCpu),
            ExpectedDeliveries = publish.Accepted * open.Sum(s => (long)s.Subscriptions),
            Deliveries = deliveries,
            ForeignEvents = foreign,
            TimedOut = timedOut,
            ElapsedSeconds = elapsed,
            DeliveriesPerSecond = elapsed > 0 ? deliveries / elapsed : 0,
            LatencyP50Ms = latency.PercentileMs(50),
            LatencyP99Ms = latency.PercentileMs(99),
            LatencyMaxMs = latency.Max / 1000.0,
            RelayCpuSeconds = relayCpuAfter - relayCpuBefore,
        };
    }
}
