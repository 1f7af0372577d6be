namespace Relay.LoadGenerator.Scenarios;

/// <summary>What a <see cref="Publisher"/> run got back.</summary>
internal sealed class PublishCounts
{
    /// <summary>Events queued for sending.</summary>
    public long Sent { get; set; }

    /// <summary><c>OK true</c> without a <c>duplicate:</c> prefix.</summary>
    public long Accepted { get; set; }

    /// <summary><c>OK true "duplicate: …"</c> (NIP-01: a duplicate is not an error).</summary>
    public long Duplicates { get; set; }

    /// <summary><c>OK false</c>, by the message's machine-readable prefix (NIP-01: <c>invalid:</c>, <c>rate-limited:</c>, …).</summary>
    public Dictionary<string, long> Rejected { get; } = new(StringComparer.Ordinal);

    /// <summary>Sent but never answered with OK before the connection ended or the run timed out.</summary>
    public long Missing { get; set; }

    /// <summary>OKs for ids we did not send (or answered twice).</summary>
    public long Unexpected { get; set; }

    /// <summary>NOTICE messages received.</summary>
    public long Notices { get; set; }

    /// <summary>Connections that could not be opened, by reason.</summary>
    public Dictionary<string, long> ConnectFailures { get; } = new(StringComparer.Ordinal);

    /// <summary>Timestamp (<see cref="TimeProvider.GetTimestamp"/>) of the first send; 0 when none.</summary>
    public long FirstSendTimestamp { get; set; }

    /// <summary>Timestamp of the last OK; 0 when none.</summary>
    public long LastOkTimestamp { get; set; }

    /// <summary>Publish-to-OK latency.</summary>
    public Measurement.LatencyHistogram TimeToOk { get; } = new();

    /// <summary>Total rejections.</summary>
    public long RejectedTotal => Rejected.Values.Sum();

    /// <summary>Adds another connection's counts.</summary>
    public void Add(PublishCounts other)
    {
        Sent += other.Sent;
        Accepted += other.Accepted;
        Duplicates += other.Duplicates;
        Missing += other.Missing;
        Unexpected += other.Unexpected;
        Notices += other.Notices;
        foreach (var (prefix, count) in other.Rejected)
            Rejected[prefix] = Rejected.GetValueOrDefault(prefix) + count;
        foreach (var (reason, count) in other.ConnectFailures)
            ConnectFailures[reason] = ConnectFailures.GetValueOrDefault(reason) + count;
        if (other.FirstSendTimestamp != 0 && (FirstSendTimestamp == 0 || other.FirstSendTimestamp < FirstSendTimestamp))
            FirstSendTimestamp = other.FirstSendTimestamp;
        LastOkTimestamp = Math.Max(LastOkTimestamp, other.LastOkTimestamp);
        TimeToOk.Add(other.TimeToOk);
    }
}
