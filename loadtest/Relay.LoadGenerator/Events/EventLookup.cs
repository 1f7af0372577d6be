using System.Text;

namespace Relay.LoadGenerator.Events;

/// <summary>
/// Finds a published event's index from the id hex in a delivery, without allocating: the fan-out receive path
/// runs this once per delivery (hundreds of thousands a second).
/// </summary>
/// <remarks>Immutable after construction; safe to read from any number of threads.</remarks>
internal sealed class EventLookup
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public EventLookup(IReadOnlyList<PreparedEvent> events)
    {
        var byId = new Dictionary<string, int>(events.Count, StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
            byId[events[i].Id] = i;
        _lookup = byId.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The index of the event whose id is <paramref name="utf8Hex"/>, or −1 when it is not one of ours.</summary>
    public int IndexOf(ReadOnlySpan<byte> utf8Hex)
    {
        // Ids are 64 ASCII hex characters (NIP-01); anything longer cannot be ours.
        if (utf8Hex.Length != 64)
            return -1;
        Span<char> chars = stackalloc char[64];
        Encoding.ASCII.GetChars(utf8Hex, chars);
        return _lookup.TryGetValue(chars, out var index) ? index : -1;
    }
}
