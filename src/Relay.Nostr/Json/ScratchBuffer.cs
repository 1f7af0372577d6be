using System.Buffers;

namespace Relay.Nostr.Json;

/// <summary>
/// Scratch memory for parsing: one cached array per thread for ordinary messages (no pool traffic on the
/// hot path), the shared pool for large ones. Whoever rents returns in a <c>finally</c>.
/// </summary>
internal static class ScratchBuffer
{
    /// <summary>
    /// Largest array kept per thread: three regions of a 16 KiB message. Ordinary events are well under
    /// 2 KiB; keeping 64 KiB per parsing thread is cheap.
    /// </summary>
    private const int CachedLength = 64 * 1024;

    [ThreadStatic]
    private static byte[]? t_cached;

    public static byte[] Rent(int minimumLength)
    {
        if (minimumLength <= CachedLength)
        {
            // Taken out while in use, so a nested rent on the same thread gets its own array.
            var cached = t_cached ?? new byte[CachedLength];
            t_cached = null;
            return cached;
        }

        return ArrayPool<byte>.Shared.Rent(minimumLength);
    }

    public static void Return(byte[] buffer)
    {
        if (buffer.Length == CachedLength)
        {
            t_cached = buffer;
        }
        else
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
