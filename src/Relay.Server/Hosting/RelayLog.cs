namespace Relay.Server.Hosting;

/// <summary>The relay's log messages (stable event ids; source-generated, so a disabled level costs a branch).</summary>
internal static partial class RelayLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Relay listening on {Address}, data in {DataDirectory}")]
    public static partial void Listening(ILogger logger, Uri address, string dataDirectory);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "Storing a batch of {Count} events failed; each was answered \"error:\"")]
    public static partial void WriteBatchFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "The actors of connection {ConnectionId} did not stop after it ended (the actor system may have terminated)")]
    public static partial void ConnectionActorsDidNotStop(ILogger logger, long connectionId);
}
