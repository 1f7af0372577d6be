using Relay.Nostr.Events;

namespace Relay.Storage.Sqlite.Internal;

/// <summary>A stream with no events: a REQ whose filters cannot match or all have limit 0.</summary>
internal sealed class EmptyStream : IEventStream
{
    public static readonly EmptyStream Instance = new();

    public long CreatedAt => ThrowHelper.ThrowInvalidOperation<long>("An empty stream has no current event.");

    public EventId Id => ThrowHelper.ThrowInvalidOperation<EventId>("An empty stream has no current event.");

    public ReadOnlySpan<byte> Json => ThrowHelper.ThrowInvalidOperation<byte[]>("An empty stream has no current event.");

    public bool MoveNext() => false;

    public void Dispose()
    {
    }
}
