namespace Relay.Server.Tests.Diagnostics;

/// <summary>A clock stopped at one instant (Microsoft.Extensions.TimeProvider.Testing is not available here).</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
