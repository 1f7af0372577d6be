namespace Relay.Actors.Tests.ActorTestKit;

public sealed class ManualTimeProviderTests
{
    [Fact]
    public void Time_only_moves_when_advanced()
    {
        var start = new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);
        var clock = new ManualTimeProvider(start);
        var timestamp = clock.GetTimestamp();
        Assert.Equal(start, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal(start.AddSeconds(90), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromSeconds(90), clock.GetElapsedTime(timestamp));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void Due_timers_fire_in_due_order_at_their_due_time()
    {
        var clock = new ManualTimeProvider();
        var fired = new List<(string, TimeSpan)>();
        var origin = clock.GetUtcNow();
        using var late = clock.CreateTimer(_ => fired.Add(("late", clock.GetUtcNow() - origin)), null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(_ => fired.Add(("early", clock.GetUtcNow() - origin)), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var periodic = clock.CreateTimer(_ => fired.Add(("tick", clock.GetUtcNow() - origin)), null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(
        [
            ("early", TimeSpan.FromSeconds(1)), ("tick", TimeSpan.FromSeconds(2)),
            ("late", TimeSpan.FromSeconds(3)), ("tick", TimeSpan.FromSeconds(4)),
        ], fired);
        Assert.Equal(1, clock.ActiveTimerCount);
    }

    [Fact]
    public void Change_rearms_and_Dispose_cancels_a_timer()
    {
        var clock = new ManualTimeProvider();
        var count = 0;
        var timer = clock.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        Assert.True(timer.Change(TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan));
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, count);
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, count);
        timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        timer.Dispose();
        Assert.False(timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan));
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, count);
        Assert.Equal(0, clock.ActiveTimerCount);
    }

    [Fact]
    public async Task Task_Delay_on_the_manual_clock_completes_when_advanced()
    {
        var clock = new ManualTimeProvider();
        var delay = Task.Delay(TimeSpan.FromMinutes(1), clock);
        Assert.False(delay.IsCompleted);
        clock.Advance(TimeSpan.FromMinutes(1));
        await delay.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
