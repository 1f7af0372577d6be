using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Diagnostics.Runtime;

namespace Relay.LoadGenerator.Measurement;

/// <summary>
/// Where a .NET relay's memory per connection goes: a count of the objects on its managed heap by type. The runtime's
/// own <c>createdump</c> writes a heap dump of the relay (the relay is paused while it does, a few seconds at 10,000
/// connections), and ClrMD reads the dump.
/// </summary>
/// <remarks>
/// <para>Why a dump and not ClrMD's live attach: attaching suspends the relay from inside this process, and on a busy
/// machine that attach can hang with the relay left stopped. A dump writer is a separate process, so it is bounded:
/// killed after its timeout, it lets the relay run on.</para>
/// <para>The walk sees every object still on the heap, dead or alive: what the last collection has not reclaimed is
/// counted too, as it is in the resident memory the census explains. "Free" is the heap's own free space between
/// objects. The dump needs ptrace rights over the relay (the same user, or root) and temporary disk space about the
/// size of its heap.</para>
/// </remarks>
internal static class HeapCensus
{
    /// <summary>A type counted on the heap.</summary>
    /// <param name="Type">The type's full name ("Free" for free space).</param>
    /// <param name="Count">Objects of the type.</param>
    /// <param name="Bytes">Their total size.</param>
    public sealed record Entry(string Type, long Count, long Bytes);

    /// <summary>Bound on writing the dump: a few seconds at 10,000 connections; two minutes leaves room for a slow disk.</summary>
    public static readonly TimeSpan DumpTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Dumps the heap of <paramref name="pid"/> and returns the types with at least <paramref name="minimumCount"/>
    /// objects, largest total first; or the reason it could not (not a .NET process, no permission, timed out).
    /// </summary>
    public static async Task<(IReadOnlyList<Entry>? Entries, string? Error)> TakeAsync(int pid, long minimumCount, CancellationToken cancellationToken)
    {
        var createdump = Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "createdump");
        if (!File.Exists(createdump))
            return (null, $"cannot take a census of process {pid}: no createdump next to the .NET runtime ({createdump})");
        var dump = Path.Combine(Path.GetTempPath(), $"relay-census-{pid}-{Guid.NewGuid():N}.dmp");
        try
        {
            if (await WriteDumpAsync(createdump, pid, dump, cancellationToken).ConfigureAwait(false) is { } failure)
                return (null, failure);
            return (Count(dump, minimumCount), null);
        }
        catch (Exception e) when (e is ClrDiagnosticsException or InvalidOperationException or IOException or InvalidDataException)
        {
            return (null, $"could not read the heap of process {pid}: {e.Message}");
        }
        finally
        {
            File.Delete(dump);
        }
    }

    /// <summary>Runs createdump; null on success, else why it failed.</summary>
    private static async Task<string?> WriteDumpAsync(string createdump, int pid, string dump, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(createdump) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["--withheap", "-f", dump, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(DumpTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Killing the dump writer ends its ptrace hold: the relay runs on.
            process.Kill();
            return $"could not dump process {pid} within {DumpTimeout.TotalSeconds:0} s";
        }

        if (process.ExitCode == 0)
            return null;
        var said = (await output.ConfigureAwait(false) + await error.ConfigureAwait(false))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return $"createdump could not dump process {pid} (exit {process.ExitCode}): {(said.Length > 0 ? said[^1] : "no output")}";
    }

    private static List<Entry> Count(string dump, long minimumCount)
    {
        using var target = DataTarget.LoadDump(dump);
        if (target.ClrVersions.Length == 0)
            throw new InvalidDataException("the dump holds no .NET runtime");
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

        return totals.Where(pair => pair.Value.Count >= minimumCount)
            .Select(pair => new Entry(pair.Key, pair.Value.Count, pair.Value.Bytes))
            .OrderByDescending(entry => entry.Bytes)
            .ToList();
    }
}
