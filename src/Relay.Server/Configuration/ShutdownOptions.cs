namespace Relay.Server.Configuration;

/// <summary>Bounds of the graceful shutdown (SIGTERM, Ctrl-C).</summary>
public sealed class ShutdownOptions
{
    /// <summary>How long to wait for clients to answer the 1001 Close frames. Default 5 s, the close handshake bound.</summary>
    public TimeSpan ClientCloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait for events already accepted into the pipeline to be committed. Default 10 s: a full
    /// queue of batches commits in well under a second; the rest is margin for a slow disk.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(10);

    internal void Validate()
    {
        RelayOptions.RequirePositive(ClientCloseTimeout, nameof(ClientCloseTimeout));
        RelayOptions.RequirePositive(DrainTimeout, nameof(DrainTimeout));
    }
}
