using System.Collections.Concurrent;

namespace Relay.WebSockets.Compression.Internal;

/// <summary>
/// Process-wide pools of zlib streams for connections that do not keep compression context between messages.
/// A deflater with a 15-bit window and memLevel 8 holds about 256 KiB of native memory; renting one per message
/// instead of keeping one per connection is what makes compression affordable for 10,000 mostly idle clients.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal static class ZStreamPool
{
    /// <summary>
    /// Streams kept per configuration. A stream is held only while one message is (de)compressed, so a few per
    /// core cover the steady state; beyond that they are freed rather than hoarded.
    /// </summary>
    private static readonly int s_maxPerConfiguration = Environment.ProcessorCount * 4;

    private static readonly ConcurrentDictionary<int, ConcurrentQueue<Deflater>> s_deflaters = new();
    private static readonly ConcurrentDictionary<int, ConcurrentQueue<Inflater>> s_inflaters = new();

    public static Deflater RentDeflater(int level, int windowBits, int memoryLevel)
    {
        var queue = s_deflaters.GetOrAdd(DeflaterKey(level, windowBits, memoryLevel), static _ => new());
        return queue.TryDequeue(out var deflater) ? deflater : new Deflater(level, windowBits, memoryLevel);
    }

    public static void Return(Deflater deflater, int level, int windowBits, int memoryLevel)
    {
        deflater.Reset();
        var queue = s_deflaters.GetOrAdd(DeflaterKey(level, windowBits, memoryLevel), static _ => new());
        if (queue.Count < s_maxPerConfiguration)
            queue.Enqueue(deflater);
        else
            deflater.Dispose();
    }

    public static Inflater RentInflater(int windowBits)
    {
        var queue = s_inflaters.GetOrAdd(windowBits, static _ => new());
        return queue.TryDequeue(out var inflater) ? inflater : new Inflater(windowBits);
    }

    public static void Return(Inflater inflater, int windowBits)
    {
        inflater.Reset();
        var queue = s_inflaters.GetOrAdd(windowBits, static _ => new());
        if (queue.Count < s_maxPerConfiguration)
            queue.Enqueue(inflater);
        else
            inflater.Dispose();
    }

    private static int DeflaterKey(int level, int windowBits, int memoryLevel) => (level << 16) | (windowBits << 8) | memoryLevel;
}
