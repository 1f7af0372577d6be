using System.Collections.Concurrent;

namespace Relay.Actors.Tests;

/// <summary>Scenarios of Akka.NET's CoordinatedShutdownSpec.</summary>
public sealed class CoordinatedShutdownTests
{
    private static Func<Task<Done>> Record(ConcurrentQueue<string> log, string entry) => () =>
    {
        log.Enqueue(entry);
        return Task.FromResult(Done.Instance);
    };

    [Fact]
    public void The_default_phases_are_Akkas_in_order()
    {
        using var system = ActorSystem.Create("phases");
        Assert.Equal(
        [
            CoordinatedShutdown.PhaseBeforeServiceUnbind, CoordinatedShutdown.PhaseServiceUnbind,
            CoordinatedShutdown.PhaseServiceRequestsDone, CoordinatedShutdown.PhaseServiceStop,
            CoordinatedShutdown.PhaseBeforeActorSystemTerminate, CoordinatedShutdown.PhaseActorSystemTerminate,
        ], CoordinatedShutdown.Get(system).OrderedPhases);
    }

    [Fact]
    public async Task Phases_run_in_order_and_the_last_one_terminates_the_system()
    {
        var system = ActorSystem.Create("ordered");
        var log = new ConcurrentQueue<string>();
        var shutdown = CoordinatedShutdown.Get(system);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "c", Record(log, "service-stop"));
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "a", Record(log, "service-unbind"));
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "b", Record(log, "service-requests-done"));
        shutdown.AddTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "d", () =>
        {
            log.Enqueue(system.WhenTerminated.IsCompleted ? "terminated too early" : "before-terminate");
            return Task.FromResult(Done.Instance);
        });
        await shutdown.Run(CoordinatedShutdown.UnknownReason.Instance).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["service-unbind", "service-requests-done", "service-stop", "before-terminate"], log);
        Assert.True(system.WhenTerminated.IsCompleted);
        Assert.Same(CoordinatedShutdown.UnknownReason.Instance, shutdown.ShutdownReason);
    }

    [Fact]
    public async Task A_custom_phase_runs_between_the_phases_it_is_placed_between()
    {
        var system = ActorSystem.Create("custom");
        var log = new ConcurrentQueue<string>();
        var shutdown = CoordinatedShutdown.Get(system);
        shutdown.AddPhase("flush-writer", TimeSpan.FromSeconds(2), [CoordinatedShutdown.PhaseServiceRequestsDone]);
        shutdown.AddPhase(CoordinatedShutdown.PhaseServiceStop, dependsOn: ["flush-writer"]);
        shutdown.AddTask("flush-writer", "flush", Record(log, "flush"));
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "close", Record(log, "close"));
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "stop", Record(log, "stop"));
        var order = shutdown.OrderedPhases.ToList();
        Assert.True(order.IndexOf(CoordinatedShutdown.PhaseServiceRequestsDone) < order.IndexOf("flush-writer"));
        Assert.True(order.IndexOf("flush-writer") < order.IndexOf(CoordinatedShutdown.PhaseServiceStop));
        Assert.Equal(TimeSpan.FromSeconds(2), shutdown.Timeout("flush-writer"));
        await shutdown.Run(CoordinatedShutdown.UnknownReason.Instance).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["close", "flush", "stop"], log);
    }

    [Fact]
    public async Task Tasks_of_one_phase_run_concurrently_and_the_next_phase_waits_for_all()
    {
        var system = ActorSystem.Create("concurrent");
        var shutdown = CoordinatedShutdown.Get(system);
        var first = new TaskCompletionSource<Done>(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var nextPhaseRan = false;
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "first", () => first.Task);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "second", () =>
        {
            secondStarted.SetResult();
            return Task.FromResult(Done.Instance);
        });
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "next", () =>
        {
            nextPhaseRan = true;
            return Task.FromResult(Done.Instance);
        });
        var run = shutdown.Run(CoordinatedShutdown.UnknownReason.Instance);
        await secondStarted.Task.WaitAsync(TimeSpan.FromSeconds(5));   // started while "first" is pending
        await Task.Delay(50);
        Assert.False(nextPhaseRan);
        first.SetResult(Done.Instance);
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(nextPhaseRan);
    }

    [Fact]
    public async Task A_phase_that_times_out_is_logged_and_the_shutdown_goes_on()
    {
        var clock = new ManualTimeProvider();
        var logs = new CapturingLoggerProvider();
        var system = ActorSystem.Create("timeout", new ActorSystemSettings
        {
            TimeProvider = clock,
            LoggerFactory = LoggerFactory.Create(b => b.AddProvider(logs)),
        });
        var shutdown = CoordinatedShutdown.Get(system);
        var hang = new TaskCompletionSource<Done>();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "hangs", () =>
        {
            started.SetResult();
            return hang.Task;
        });
        var run = shutdown.Run(CoordinatedShutdown.UnknownReason.Instance);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(5));
        // The phase arms its timeout right after starting its tasks; wait (bounded) until it exists.
        for (var i = 0; i < 500 && clock.ActiveTimerCount == 0; i++) await Task.Delay(10);
        Assert.False(run.IsCompleted);
        clock.Advance(shutdown.Timeout(CoordinatedShutdown.PhaseServiceUnbind));
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        var warning = await logs.WaitFor(e => e.Message.Contains("timed out", StringComparison.Ordinal));
        Assert.Contains("hangs", warning.Message, StringComparison.Ordinal);
        Assert.True(system.WhenTerminated.IsCompleted);
    }

    [Fact]
    public async Task A_failing_task_does_not_stop_the_shutdown_unless_its_phase_says_so()
    {
        var system = ActorSystem.Create("failing");
        var shutdown = CoordinatedShutdown.Get(system);
        var log = new ConcurrentQueue<string>();
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "throws", () => throw new InvalidOperationException("sync throw"));
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "faults", () => Task.FromException<Done>(new InvalidOperationException("fault")));
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "runs", Record(log, "ran"));
        await shutdown.Run(CoordinatedShutdown.UnknownReason.Instance).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["ran"], log);
        Assert.True(system.WhenTerminated.IsCompleted);

        await using var strict = ActorSystem.Create("strict");
        var strictShutdown = CoordinatedShutdown.Get(strict);
        strictShutdown.AddPhase(CoordinatedShutdown.PhaseServiceUnbind, recover: false);
        strictShutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "throws", () => throw new InvalidOperationException("abort"));
        strictShutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "skipped", Record(log, "should not run"));
        await strictShutdown.Run(CoordinatedShutdown.UnknownReason.Instance).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["ran"], log);
        Assert.False(strict.WhenTerminated.IsCompleted);
    }

    [Fact]
    public async Task Run_runs_once_and_Terminate_runs_the_phases()
    {
        var system = ActorSystem.Create("once");
        var count = 0;
        CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseServiceUnbind, "count", () =>
        {
            Interlocked.Increment(ref count);
            return Task.FromResult(Done.Instance);
        });
        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        var again = CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.ClrExitReason.Instance);
        await again.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, count);
        Assert.Same(CoordinatedShutdown.ActorSystemTerminateReason.Instance, CoordinatedShutdown.Get(system).ShutdownReason);
        Assert.Throws<InvalidOperationException>(() => CoordinatedShutdown.Get(system).AddPhase("late"));
    }

    [Fact]
    public void Unknown_phases_and_cycles_are_rejected()
    {
        using var system = ActorSystem.Create("invalid");
        var shutdown = CoordinatedShutdown.Get(system);
        var unknown = Assert.Throws<ArgumentException>(() => shutdown.AddTask("no-such-phase", "t", () => Task.FromResult(Done.Instance)));
        Assert.StartsWith("Unknown phase [no-such-phase]", unknown.Message, StringComparison.Ordinal);
        var cycle = Assert.Throws<ArgumentException>(() =>
            shutdown.AddPhase(CoordinatedShutdown.PhaseBeforeServiceUnbind, dependsOn: [CoordinatedShutdown.PhaseServiceStop]));
        Assert.StartsWith("Cycle among coordinated shutdown phases", cycle.Message, StringComparison.Ordinal);
        var dangling = Assert.Throws<ArgumentException>(() => shutdown.AddPhase("x", dependsOn: ["nowhere"]));
        Assert.Equal("Phase [x] depends on unknown phase [nowhere]", dangling.Message);
    }
}
