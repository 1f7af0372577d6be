using System.Text;
using Relay.LoadGenerator.Nostr;
using Relay.WebSockets;

namespace Relay.LoadGenerator.Scenarios;

/// <summary>
/// Publishes pre-signed events pipelined over several connections, each with a bounded window of events awaiting
/// their OK, and counts the answers. Shared by <c>publish</c>, <c>seed</c> and the publisher side of <c>fanout</c>.
/// </summary>
internal static class Publisher
{
    /// <summary>
    /// Messages queued between flushes when the window never fills: one socket write per 64 events, ~40 KB of typical
    /// ~600-byte events, within a default loopback socket buffer, so a write rarely blocks half-way.
    /// </summary>
    private const int FlushEvery = 64;

    /// <summary>Publishes every event of <paramref name="plan"/> once; returns when all are answered, a connection ends, or the token fires.</summary>
    public static async Task<PublishCounts> RunAsync(PublishPlan plan, CancellationToken cancellationToken)
    {
        var workers = new Task<PublishCounts>[Math.Min(plan.Connections, Math.Max(plan.Events.Count, 1))];
        for (var slot = 0; slot < workers.Length; slot++)
            workers[slot] = PublishOnAsync(plan, slot, workers.Length, cancellationToken);
        var total = new PublishCounts();
        foreach (var counts in await Task.WhenAll(workers).ConfigureAwait(false))
            total.Add(counts);
        return total;
    }

    private static async Task<PublishCounts> PublishOnAsync(PublishPlan plan, int slot, int slots, CancellationToken cancellationToken)
    {
        var counts = new PublishCounts();
        var connect = await RelayConnector.ConnectAsync(plan.Url, plan.Time, cancellationToken).ConfigureAwait(false);
        if (connect.Connection is not { } connection)
        {
            counts.ConnectFailures[ConnectFailure.Describe(connect)] = 1;
            return counts;
        }

        var time = plan.Time;
        var pending = new Dictionary<string, long>(plan.Window, StringComparer.Ordinal);
        var pendingById = pending.GetAlternateLookup<ReadOnlySpan<char>>();
        using var window = new SemaphoreSlim(plan.Window, plan.Window);
        var allQueued = 0;
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        void OnReply(in RelayReply reply)
        {
            if (reply.Verb == RelayVerb.Notice)
            {
                counts.Notices++;
                return;
            }

            if (reply.Verb != RelayVerb.Ok)
                return;

            Span<char> id = stackalloc char[64];
            var known = reply.EventId.Length == 64;
            long sentAt = 0;
            int remaining;
            if (known)
                Encoding.ASCII.GetChars(reply.EventId, id);
            lock (pending)
            {
                known = known && pendingById.Remove(id, out _, out sentAt);
                remaining = pending.Count;
            }

            if (!known)
            {
                counts.Unexpected++;
                return;
            }

            var now = time.GetTimestamp();
            counts.LastOkTimestamp = now;
            counts.TimeToOk.Record(time, sentAt, now);
            Classify(counts, reply.Accepted, reply.Message);
            window.Release();
            if (remaining == 0 && Volatile.Read(ref allQueued) != 0)
                finished.TrySetResult();
        }

        using var stopReceiving = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // When the relay ends the connection, a sender waiting for a window slot must stop too, not wait for the timeout.
        using var stopSending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var receive = RelayConnector.ReceiveAsync(connection, OnReply, null, stopReceiving.Token);
        _ = receive.ContinueWith(_ =>
        {
            finished.TrySetResult();
            try
            {
                stopSending.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The run already ended.
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        try
        {
            await SendAllAsync(plan, slot, slots, connection, pending, window, counts, stopSending.Token).ConfigureAwait(false);
            Volatile.Write(ref allQueued, 1);
            lock (pending)
            {
                if (pending.Count == 0)
                    finished.TrySetResult();
            }

            await finished.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopSending.IsCancellationRequested)
        {
            // Timed out, or the relay ended the connection: what is still pending is reported as missing.
        }

        lock (pending)
            counts.Missing = pending.Count;
        await RelayConnector.CloseQuietlyAsync(connection).ConfigureAwait(false);
        await stopReceiving.CancelAsync().ConfigureAwait(false);
        await receive.ConfigureAwait(false);
        return counts;
    }

    private static async Task SendAllAsync(PublishPlan plan, int slot, int slots, WebSocketConnection connection,
        Dictionary<string, long> pending, SemaphoreSlim window, PublishCounts counts, CancellationToken cancellationToken)
    {
        var time = plan.Time;
        var start = time.GetTimestamp();
        counts.FirstSendTimestamp = start;
        var perConnectionRate = plan.Rate / slots;
        var queued = 0;
        for (var index = slot; index < plan.Events.Count; index += slots)
        {
            if (!window.Wait(0, CancellationToken.None))
            {
                // Window full: send what is queued, then wait for an OK to free a slot.
                if (queued > 0 && !await connection.FlushAsync(cancellationToken).ConfigureAwait(false))
                    return;
                queued = 0;
                await window.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            if (perConnectionRate > 0)
            {
                var due = TimeSpan.FromSeconds(counts.Sent / perConnectionRate) - time.GetElapsedTime(start);
                if (due > TimeSpan.Zero)
                {
                    if (queued > 0 && !await connection.FlushAsync(cancellationToken).ConfigureAwait(false))
                        return;
                    queued = 0;
                    await Task.Delay(due, time, cancellationToken).ConfigureAwait(false);
                }
            }

            var prepared = plan.Events[index];
            plan.OnSending?.Invoke(index);
            lock (pending)
                pending[prepared.Id] = time.GetTimestamp();
            if (!connection.TryWrite(prepared.Frame, WebSocketMessageType.Text))
            {
                // The connection is closing (the relay closed it, or our queue bound was hit): stop, report the rest.
                lock (pending)
                    pending.Remove(prepared.Id);
                return;
            }

            counts.Sent++;
            if (++queued >= FlushEvery || perConnectionRate > 0)
            {
                if (!await connection.FlushAsync(cancellationToken).ConfigureAwait(false))
                    return;
                queued = 0;
            }
        }

        if (queued > 0)
            await connection.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>NIP-01: OK true may carry <c>duplicate:</c>; OK false starts with a machine-readable prefix.</summary>
    private static void Classify(PublishCounts counts, bool accepted, string message)
    {
        if (accepted)
        {
            if (message.StartsWith("duplicate:", StringComparison.Ordinal))
                counts.Duplicates++;
            else
                counts.Accepted++;
            return;
        }

        var prefix = ReplyPrefix.Of(message);
        counts.Rejected[prefix] = counts.Rejected.GetValueOrDefault(prefix) + 1;
    }
}
