using System.Net;

namespace Relay.WebSockets.Client.Internal;

/// <summary>
/// RFC 6455 §4.1: "there MUST be no more than one connection in a CONNECTING state" per remote IP address and
/// port; a second connect waits until the first has succeeded or failed. Entries live only while someone
/// connects to that endpoint, so the registry stays as small as the number of endpoints being dialled.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal static class ConnectGate
{
    private static readonly Dictionary<IPEndPoint, Entry> s_entries = new();

    public static async ValueTask<Releaser> EnterAsync(IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (s_entries)
        {
            if (!s_entries.TryGetValue(endPoint, out entry!))
                s_entries[endPoint] = entry = new Entry();
            entry.Users++;
        }

        try
        {
            await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(endPoint, entry, release: false);
            throw;
        }

        return new Releaser(endPoint, entry);
    }

    /// <summary>Connections currently waiting or connecting to <paramref name="endPoint"/> (for tests).</summary>
    internal static int UsersOf(IPEndPoint endPoint)
    {
        lock (s_entries)
            return s_entries.TryGetValue(endPoint, out var entry) ? entry.Users : 0;
    }

    private static void Leave(IPEndPoint endPoint, Entry entry, bool release)
    {
        if (release)
            entry.Gate.Release();
        lock (s_entries)
        {
            if (--entry.Users == 0)
                s_entries.Remove(endPoint);
        }
    }

    internal sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Users { get; set; }
    }

    /// <summary>Leaves the CONNECTING state for the endpoint.</summary>
    internal readonly struct Releaser(IPEndPoint endPoint, Entry entry) : IDisposable
    {
        public void Dispose() => Leave(endPoint, entry, release: true);
    }
}
