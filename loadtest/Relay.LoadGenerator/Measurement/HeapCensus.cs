using Microsoft.Diagnostics.Runtime;

namespace Relay.LoadGenerator.Measurement;

/// <summary>
/// Where a .NET relay's memory per connection goes: a count of the objects on its managed heap by type, taken by
/// attaching to the process (ClrMD; the process is suspended for the walk, a few seconds at 10,000 connections).
/// </summary>
/// <remarks>
/// The walk sees every object still on the heap, dead or alive: what the last collection has not reclaimed is counted
/// too, as it is in the resident memory the census explains. "Free" is the heap's own free space between objects.
/// Attaching needs ptrace rights over the relay (the same user, or root).
/// </remarks>
internal static class HeapCensus
{
    /// <summary>A type counted on the heap.</summary>
    /// <param name="Type">The type's full name ("Free" for free space).</param>
    /// <param name="Count">Objects of the type.</param>
    /// <param name="Bytes">Their total size.</param>
    public sealed record Entry(string Type, long Count, long Bytes);

    /// <summary>
    /// Walks the heap of <paramref name="pid"/> and returns the types with at least <paramref name="minimumCount"/>
    /// objects, largest total first; or the reason it could not (not a .NET process, no permission).
    /// </summary>
    public static (IReadOnlyList<Entry>? Entries, string? Error) Take(int pid, long minimumCount)
    {
        try
        {
            using var target = DataTarget.AttachToProcess(pid, suspend: true);
            if (target.ClrVersions.Length == 0)
                return (null, $"process {pid} runs no .NET runtime");
            using var runtime = target.ClrVersions[0].CreateRuntime();
            var totals = new Dictionary<string, (long Count, long Bytes)>(StringComparer.Ordinal);
            foreach (var item in runtime.Heap.EnumerateObjects())
            {
                if (!item.IsValid)
                    continue;
                var name = item.Type?.Name ?? "?";
                var (count, bytes) = totals.GetValueOrDefault(name);
                totals[name] = (count + 1, bytes + (long)item.Size);
            }

            return (totals.Where(pair => pair.Value.Count >= minimumCount)
                .Select(pair => new Entry(pair.Key, pair.Value.Count, pair.Value.Bytes))
                .OrderByDescending(entry => entry.Bytes)
                .ToList(), null);
        }
        catch (Exception e) when (e is ClrDiagnosticsException or InvalidOperationException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            return (null, $"could not read the heap of process {pid}: {e.Message}");
        }
    }
}
