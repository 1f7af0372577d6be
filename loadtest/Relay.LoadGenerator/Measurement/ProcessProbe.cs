using System.Globalization;

namespace Relay.LoadGenerator.Measurement;

/// <summary>Reads another process's CPU time, resident memory and file descriptor limit from Linux's <c>/proc</c> (proc(5)).</summary>
internal static class ProcessProbe
{
    /// <summary>
    /// Clock ticks per second of the utime/stime fields of <c>/proc/PID/stat</c>: USER_HZ, which Linux fixes at 100 in
    /// its user ABI on every architecture (include/asm-generic/param.h) whatever the kernel's internal CONFIG_HZ;
    /// <c>getconf CLK_TCK</c> (sysconf(_SC_CLK_TCK)) returns the same constant. Hence a constant, not a lookup.
    /// </summary>
    public const int UserHz = 100;

    /// <summary>User plus system CPU seconds consumed so far by <paramref name="pid"/>, or null when it cannot be read.</summary>
    public static double? CpuSeconds(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // The second field (comm) is in parentheses and may contain spaces or ')': fields resume after the last ')'.
        // Counting from there, state is field 3, so utime (14) and stime (15) are at offsets 11 and 12.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        if (fields.Length < 13
            || !long.TryParse(fields[11], NumberStyles.None, CultureInfo.InvariantCulture, out var utime)
            || !long.TryParse(fields[12], NumberStyles.None, CultureInfo.InvariantCulture, out var stime))
            return null;
        return (utime + stime) / (double)UserHz;
    }

    /// <summary>Resident set size in bytes (VmRSS of <c>/proc/PID/status</c>), or null when it cannot be read.</summary>
    public static long? ResidentBytes(int pid) => StatusKilobytes(pid, "VmRSS:") * 1024;

    /// <summary>The soft limit on open files of <paramref name="pid"/> ("self" for us), or null when unknown or unlimited.</summary>
    public static long? OpenFilesLimit(string pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/limits"))
            {
                if (!line.StartsWith("Max open files", StringComparison.Ordinal))
                    continue;
                var parts = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return parts.Length > 0 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var soft) ? soft : null;
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }

    private static long? StatusKilobytes(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (!line.StartsWith(field, StringComparison.Ordinal))
                    continue;
                var value = line[field.Length..].Trim();
                var space = value.IndexOf(' ', StringComparison.Ordinal);
                return long.TryParse(space < 0 ? value : value[..space], NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb : null;
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }
}
