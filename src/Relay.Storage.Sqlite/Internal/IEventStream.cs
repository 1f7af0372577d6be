using Relay.Nostr.Events;

namespace Relay.Storage.Sqlite.Internal;

/// <summary>
/// Events in NIP-01 order (created_at descending, then id ascending), read one at a time. The current row's
/// fields are valid after <see cref="MoveNext"/> returned true and until the next call.
/// </summary>
internal interface IEventStream : IDisposable
{
    bool MoveNext();

    long CreatedAt { get; }

    EventId Id { get; }

    ReadOnlySpan<byte> Json { get; }
}
