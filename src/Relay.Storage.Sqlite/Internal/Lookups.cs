using Relay.Nostr.Events;
using SQLitePCL;

namespace Relay.Storage.Sqlite.Internal;

/// <summary>
/// Point lookups by primary key or unique index, shared by the writer (inside its transaction) and the
/// read connections (the duplicate pre-check before signature verification). Each is a single b-tree
/// search on a prepared statement.
/// </summary>
/// <remarks>Not thread-safe: belongs to one connection.</remarks>
internal sealed class Lookups : IDisposable
{
    /// <summary>NIP-59 gift wrap: NIP-09 lets the recipient named in its <c>p</c> tag request its deletion.</summary>
    public const int GiftWrapKind = 1059;

    private readonly Statement _exists;
    private readonly Statement _deletedIds;
    private readonly Statement _deletedAddress;
    private readonly Statement _version;
    private readonly Statement _target;
    private readonly Statement _hasTag;

    public Lookups(sqlite3 db)
    {
        _exists = new Statement(db, "SELECT 1 FROM events WHERE id = ?1");
        _deletedIds = new Statement(db, "SELECT pubkey, gift_wrap FROM deleted_ids WHERE id = ?1");
        _deletedAddress = new Statement(db, "SELECT until FROM deleted_addresses WHERE pubkey = ?1 AND kind = ?2 AND d_tag = ?3");
        _version = new Statement(db, "SELECT seq, created_at, id FROM events WHERE pubkey = ?1 AND kind = ?2 AND d_tag = ?3");
        _target = new Statement(db, "SELECT seq, pubkey, kind FROM events WHERE id = ?1");
        _hasTag = new Statement(db, "SELECT 1 FROM tags WHERE event = ?1 AND letter = ?2 AND value = ?3");
    }

    /// <summary>True when an event with this id is stored.</summary>
    public bool Exists(EventId id)
    {
        try
        {
            _exists.BindId(1, id);
            return _exists.Step();
        }
        finally
        {
            _exists.Reset();
        }
    }

    /// <summary>
    /// NIP-09 by id: true when a deletion request by this event's author named its id (whether it came
    /// before or after the event), or — for a gift wrap — by a recipient it tags, with the NIP-09 <c>k</c> tag
    /// "1059". A deletion request itself is never deleted ("has no effect").
    /// </summary>
    public bool IsDeletedById(NostrEvent nostrEvent)
    {
        if (nostrEvent.Kind == Kinds.Deletion)
        {
            return false;
        }

        try
        {
            _deletedIds.BindId(1, nostrEvent.Id);
            while (_deletedIds.Step())
            {
                var deleter = _deletedIds.ColumnKey(0);
                if (deleter == nostrEvent.PubKey)
                {
                    return true;
                }

                var giftWrapRule = _deletedIds.ColumnInt64(1) != 0;
                if (giftWrapRule && nostrEvent.Kind == GiftWrapKind && TagsPubKey(nostrEvent, deleter))
                {
                    return true;
                }
            }

            return false;
        }
        finally
        {
            _deletedIds.Reset();
        }
    }

    /// <summary>NIP-09 by address: true when the author deleted this address at or after this version's <c>created_at</c>.</summary>
    public bool IsDeletedByAddress(NostrEvent nostrEvent, EventAddress address)
    {
        try
        {
            BindAddress(_deletedAddress, address);
            return _deletedAddress.Step() && nostrEvent.CreatedAt <= _deletedAddress.ColumnInt64(0);
        }
        finally
        {
            _deletedAddress.Reset();
        }
    }

    /// <summary>The stored version of a replaceable or addressable address, if any (at most one: unique index).</summary>
    public StoredVersion? FindVersion(EventAddress address)
    {
        try
        {
            BindAddress(_version, address);
            return _version.Step()
                ? new StoredVersion(_version.ColumnInt64(0), _version.ColumnInt64(1), _version.ColumnId(2))
                : null;
        }
        finally
        {
            _version.Reset();
        }
    }

    /// <summary>The stored event with this id, as a deletion target.</summary>
    public StoredTarget? FindTarget(EventId id)
    {
        try
        {
            _target.BindId(1, id);
            return _target.Step()
                ? new StoredTarget(_target.ColumnInt64(0), _target.ColumnKey(1), (int)_target.ColumnInt64(2))
                : null;
        }
        finally
        {
            _target.Reset();
        }
    }

    /// <summary>True when the stored event <paramref name="seq"/> has an indexed tag <paramref name="letter"/> = <paramref name="value"/>.</summary>
    public bool HasTag(long seq, char letter, string value)
    {
        try
        {
            _hasTag.BindInt64(1, seq);
            _hasTag.BindInt64(2, letter);
            _hasTag.BindText(3, value);
            return _hasTag.Step();
        }
        finally
        {
            _hasTag.Reset();
        }
    }

    /// <summary>
    /// The refusal (or duplicate) <c>WriteBatch</c> would certainly answer for this event, from the stored state
    /// alone; null when it might be stored. Runs before signature verification: an id binds the pubkey and every
    /// field, so what is decided here from the id and address holds for the event whatever its signature.
    /// </summary>
    /// <remarks>Same checks in the same order as the writer, so both give the same answer.</remarks>
    public WriteStatus? PreCheck(NostrEvent nostrEvent, long now)
    {
        if (Exists(nostrEvent.Id))
        {
            return WriteStatus.Duplicate;
        }

        if (nostrEvent.IsExpired(now))
        {
            return WriteStatus.Expired;
        }

        if (IsDeletedById(nostrEvent))
        {
            return WriteStatus.Deleted;
        }

        if (nostrEvent.Address is not { } address)
        {
            return null;
        }

        if (IsDeletedByAddress(nostrEvent, address))
        {
            return WriteStatus.Deleted;
        }

        return FindVersion(address) is { } stored
            && !StoredVersion.Replaces(nostrEvent.CreatedAt, nostrEvent.Id, stored.CreatedAt, stored.Id)
            ? WriteStatus.Superseded
            : null;
    }

    /// <summary>True when the event has a <c>p</c> tag naming <paramref name="key"/> (a gift wrap's recipient).</summary>
    public static bool TagsPubKey(NostrEvent nostrEvent, PublicKey key)
    {
        string? hex = null;
        foreach (var tag in nostrEvent.Tags)
        {
            if (tag.Count > 1 && tag.Name == "p")
            {
                hex ??= key.ToString();
                if (string.Equals(tag[1], hex, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public void Dispose()
    {
        _exists.Dispose();
        _deletedIds.Dispose();
        _deletedAddress.Dispose();
        _version.Dispose();
        _target.Dispose();
        _hasTag.Dispose();
    }

    private static void BindAddress(Statement statement, EventAddress address)
    {
        statement.BindKey(1, address.PubKey);
        statement.BindInt64(2, address.Kind);
        statement.BindText(3, address.Identifier);
    }
}
