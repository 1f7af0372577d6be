using Relay.Nostr.Events;
using Relay.Storage.Sqlite.Internal;

namespace Relay.Storage.Sqlite;

public sealed partial class EventWriter
{
    private Statement _tombstoneId = null!;
    private Statement _tombstoneAddress = null!;

    private void InitializeDeletion()
    {
        // One tombstone per (id, deleter): anyone may name any id, but only the author's own tombstone (or a
        // gift-wrap recipient's) ever refuses the event, so other people's cannot block it.
        _tombstoneId = new Statement(
            _db,
            "INSERT INTO deleted_ids(id, pubkey, gift_wrap) VALUES (?1, ?2, ?3) " +
            "ON CONFLICT(id, pubkey) DO UPDATE SET gift_wrap = max(gift_wrap, excluded.gift_wrap)");
        _tombstoneAddress = new Statement(
            _db,
            "INSERT INTO deleted_addresses(pubkey, kind, d_tag, until) VALUES (?1, ?2, ?3, ?4) " +
            "ON CONFLICT(pubkey, kind, d_tag) DO UPDATE SET until = max(until, excluded.until)");
    }

    private void DisposeDeletion()
    {
        _tombstoneId.Dispose();
        _tombstoneAddress.Dispose();
    }

    /// <summary>
    /// NIP-09. The request is stored and served like any regular event. Then:
    /// <list type="bullet">
    /// <item><c>e</c> targets: the stored event is deleted when its author is the requester (or, for a NIP-59 gift
    /// wrap, when the requester is a recipient named in its <c>p</c> tags and the request has <c>["k","1059"]</c>);
    /// a tombstone refuses that id forever, also when the target arrives later.</item>
    /// <item><c>a</c> targets: every stored version of the address with <c>created_at</c> up to the request's is
    /// deleted, and a tombstone refuses versions up to that time; newer versions are welcome.</item>
    /// <item>A request naming a stored event or an address of another author is refused as a whole
    /// (<see cref="WriteStatus.ForeignDeletion"/>): NIP-09 lets relays validate this, and storing it would
    /// publish a claim the relay knows to be false. An <c>e</c> target the relay does not have cannot be
    /// checked; its tombstone only ever matches an event by the requester.</item>
    /// <item>A request naming another deletion request has no effect on it ("Publishing a deletion request
    /// event against a deletion request has no effect").</item>
    /// </list>
    /// </summary>
    private WriteStatus WriteDeletion(NostrEvent request)
    {
        var targets = request.GetDeletionTargets();
        var giftWrapRule = NamesGiftWrapKind(request);

        // Check everything before touching anything: a refused request changes nothing.
        foreach (var address in targets.Addresses)
        {
            if (address.PubKey != request.PubKey)
            {
                return WriteStatus.ForeignDeletion;
            }
        }

        foreach (var id in targets.EventIds)
        {
            if (_lookups.FindTarget(id) is { } target && !MayDelete(request, target, giftWrapRule))
            {
                return WriteStatus.ForeignDeletion;
            }
        }

        Insert(request, dTag: null);

        foreach (var id in targets.EventIds)
        {
            if (_lookups.FindTarget(id) is { } target)
            {
                if (target.Kind == Kinds.Deletion)
                {
                    continue;
                }

                DeleteEvent(target.Seq);
            }

            _tombstoneId.BindId(1, id);
            _tombstoneId.BindKey(2, request.PubKey);
            _tombstoneId.BindInt64(3, giftWrapRule ? 1 : 0);
            _tombstoneId.Execute();
        }

        foreach (var address in targets.Addresses)
        {
            // Only replaceable and addressable events have an address; an `a` tag naming another kind matches nothing.
            if (Kinds.Classify(address.Kind) is not (KindClass.Replaceable or KindClass.Addressable))
            {
                continue;
            }

            if (_lookups.FindVersion(address) is { } stored && stored.CreatedAt <= request.CreatedAt)
            {
                DeleteEvent(stored.Seq);
            }

            _tombstoneAddress.BindKey(1, address.PubKey);
            _tombstoneAddress.BindInt64(2, address.Kind);
            _tombstoneAddress.BindText(3, address.Identifier);
            _tombstoneAddress.BindInt64(4, request.CreatedAt);
            _tombstoneAddress.Execute();
        }

        return WriteStatus.Stored;
    }

    private bool MayDelete(NostrEvent request, StoredTarget target, bool giftWrapRule) =>
        target.PubKey == request.PubKey
        || (giftWrapRule && target.Kind == Lookups.GiftWrapKind && _lookups.HasTag(target.Seq, 'p', request.PubKey.ToString()));

    /// <summary>NIP-09: a recipient's request to delete a gift wrap "MUST" carry <c>["k","1059"]</c>.</summary>
    private static bool NamesGiftWrapKind(NostrEvent request)
    {
        foreach (var tag in request.Tags)
        {
            if (tag.Count > 1 && tag.Name == "k" && tag[1] == "1059")
            {
                return true;
            }
        }

        return false;
    }
}
