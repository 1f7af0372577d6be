namespace Relay.Storage.Sqlite.Tests.Support;

/// <summary>A clock the test sets (Microsoft.Extensions.TimeProvider.Testing is not in the NuGet copy here).</summary>
internal sealed class ManualClock(long unixSeconds) : TimeProvider
{
    public long UnixSeconds { get; set; } = unixSeconds;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.FromUnixTimeSeconds(UnixSeconds);
}
