using Relay.Nostr.Events;

namespace Relay.Storage.Sqlite.Internal;

/// <summary>
/// Merges ordered streams into one, in NIP-01 order, dropping events returned more than once (one event under
/// two tag values of a filter, whether by two streams or by one stream over a value list, or matched by two
/// filters of a REQ), and stopping after <c>limit</c> events. Children are advanced lazily: only the streams whose head was just returned move on
/// the next call, so a filter with 30 streams and limit 100 reads about 130 rows, not 3,000.
/// </summary>
internal sealed class MergeStream : IEventStream
{
    private readonly IEventStream[] _children;
    private readonly long _limit;
    private readonly PriorityQueue<IEventStream, (long CreatedAt, EventId Id)> _queue;
    private readonly List<IEventStream> _current = [];
    private IEventStream? _head;
    private (long CreatedAt, EventId Id) _last;
    private long _returned;
    private bool _started;

    public MergeStream(IEventStream[] children, long limit)
    {
        _children = children;
        _limit = limit;
        _queue = new PriorityQueue<IEventStream, (long, EventId)>(children.Length, NostrOrder.Instance);
    }

    public long CreatedAt => _head!.CreatedAt;

    public EventId Id => _head!.Id;

    public ReadOnlySpan<byte> Json => _head!.Json;

    public bool MoveNext()
    {
        if (_returned >= _limit)
        {
            return false;
        }

        if (!_started)
        {
            _started = true;
            foreach (var child in _children)
            {
                Advance(child);
            }
        }
        else
        {
            foreach (var child in _current)
            {
                Advance(child);
            }
        }

        _current.Clear();
        if (!_queue.TryDequeue(out var head, out var key))
        {
            _head = null;
            return false;
        }

        _current.Add(head);
        while (_queue.TryPeek(out var other, out var otherKey) && otherKey.Id == key.Id && otherKey.CreatedAt == key.CreatedAt)
        {
            _queue.Dequeue();
            _current.Add(other);
        }

        _head = head;
        _last = key;
        _returned++;
        return true;
    }

    public void Dispose()
    {
        foreach (var child in _children)
        {
            child.Dispose();
        }
    }

    private void Advance(IEventStream child)
    {
        while (child.MoveNext())
        {
            // Repeats of the event just returned arrive next in order: skip them.
            if (_returned == 0 || child.Id != _last.Id || child.CreatedAt != _last.CreatedAt)
            {
                _queue.Enqueue(child, (child.CreatedAt, child.Id));
                return;
            }
        }
    }
}
