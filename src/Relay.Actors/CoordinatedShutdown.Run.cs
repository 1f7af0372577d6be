using Relay.Actors.Internal;

namespace Relay.Actors;

public sealed partial class CoordinatedShutdown
{
    /// <summary>The phase being run, if any (for diagnostics).</summary>
    public string? CurrentPhase => Volatile.Read(ref _currentPhase);

    private async Task<Done> RunPhases(List<Phase> phases, Reason reason)
    {
        // Yield first: Run is often called from inside an actor or a host callback.
        await Task.Yield();
        var log = _system.Log;
        KernelLog.ShutdownStarted(log, _system.Name, reason);
        foreach (var phase in phases)
        {
            Volatile.Write(ref _currentPhase, phase.Name);
            KernelLog.PhaseStarted(log, phase.Name, phase.Tasks.Count);
            var ok = await RunPhase(phase).ConfigureAwait(false);
            if (!ok && !phase.Recover) break;
        }
        Volatile.Write(ref _currentPhase, null);
        KernelLog.ShutdownFinished(log, _system.Name);
        return Done.Instance;
    }

    private async Task<bool> RunPhase(Phase phase)
    {
        if (phase.Tasks.Count == 0) return true;
        var running = new List<(string Name, Task Task)>(phase.Tasks.Count);
        foreach (var (name, start) in phase.Tasks)
        {
            Task task;
            try
            {
                task = start() ?? Task.FromResult(Done.Instance);
            }
            catch (Exception e)
            {
                task = Task.FromException(e);
            }
            running.Add((name, task));
        }

        var all = Task.WhenAll(running.Select(r => r.Task));
        using var timeout = new CancellationTokenSource();
        var delay = Task.Delay(phase.Timeout, _system.TimeProvider, timeout.Token);
        var first = await Task.WhenAny(all, delay).ConfigureAwait(false);
        await timeout.CancelAsync().ConfigureAwait(false);

        var ok = true;
        foreach (var (name, task) in running)
        {
            if (task.IsFaulted || task.IsCanceled)
            {
                ok = false;
                KernelLog.PhaseTaskFailed(_system.Log, name, phase.Name,
                    task.Exception?.InnerException ?? new TaskCanceledException(task));
            }
        }
        if (!ReferenceEquals(first, all))
        {
            ok = false;
            var pending = string.Join(", ", running.Where(r => !r.Task.IsCompleted).Select(r => r.Name));
            KernelLog.PhaseTimedOut(_system.Log, phase.Name, phase.Timeout, pending);
        }
        return ok;
    }

    /// <summary>Kahn's algorithm, ties broken by name so the order is deterministic.</summary>
    private List<string> TopologicalOrder()
    {
        var remaining = _phases.Values.ToDictionary(p => p.Name, p => new HashSet<string>(p.DependsOn, StringComparer.Ordinal),
            StringComparer.Ordinal);
        foreach (var (name, dependencies) in remaining)
        {
            foreach (var dependency in dependencies)
            {
                if (!remaining.ContainsKey(dependency))
                    throw new ArgumentException($"Phase [{name}] depends on unknown phase [{dependency}]");
            }
        }
        var order = new List<string>(remaining.Count);
        while (remaining.Count > 0)
        {
            var ready = remaining.Where(p => p.Value.Count == 0).Select(p => p.Key).Order(StringComparer.Ordinal).FirstOrDefault()
                ?? throw new ArgumentException($"Cycle among coordinated shutdown phases: {string.Join(", ", remaining.Keys)}");
            order.Add(ready);
            remaining.Remove(ready);
            foreach (var dependencies in remaining.Values) dependencies.Remove(ready);
        }
        return order;
    }

    private sealed class Phase(string name, TimeSpan timeout, bool recover)
    {
        public string Name { get; } = name;

        public TimeSpan Timeout { get; set; } = timeout;

        public bool Recover { get; set; } = recover;

        public HashSet<string> DependsOn { get; } = new(StringComparer.Ordinal);

        public List<(string Name, Func<Task<Done>> Start)> Tasks { get; } = [];

        public Phase Snapshot()
        {
            var copy = new Phase(Name, Timeout, Recover);
            copy.Tasks.AddRange(Tasks);
            foreach (var dependency in DependsOn) copy.DependsOn.Add(dependency);
            return copy;
        }
    }
}
