using Relay.Nostr.Events;
using Relay.Nostr.Filters;

namespace Relay.Storage.Sqlite.Tests.Differential;

/// <summary>
/// A deliberately naive in-memory restatement of the storage rules (NIP-01 replacement with the lowest-id
/// tie-break, NIP-09 deletion by id and address with tombstones, NIP-40 expiry), and of REQ/COUNT answers
/// via the reference matcher. Lists and LINQ scans, no indexes: slow and obviously right, for the
/// differential test.
/// </summary>
internal sealed class StoreModel
{
    private readonly List<NostrEvent> _stored = [];
    private readonly List<(EventId Id, PublicKey Deleter, bool GiftWrap)> _deletedIds = [];
    private readonly List<(int Kind, PublicKey PubKey, string D, long Until)> _deletedAddresses = [];

    public IReadOnlyList<NostrEvent> Stored => _stored;

    public WriteStatus Write(NostrEvent e, long now)
    {
        var status = Decide(e, now);
        if (status == WriteStatus.Stored)
        {
            Apply(e);
        }

        return status;
    }

    /// <summary>What writing <paramref name="e"/> would answer now, without changing anything.</summary>
    public WriteStatus Decide(NostrEvent e, long now)
    {
        if (_stored.Any(s => s.Id == e.Id))
        {
            return WriteStatus.Duplicate;
        }

        if (e.Expiration is { } expiration && expiration <= now)
        {
            return WriteStatus.Expired;
        }

        if (e.Kind != 5 && _deletedIds.Any(t => t.Id == e.Id
                && (t.Deleter == e.PubKey || (t.GiftWrap && e.Kind == 1059 && HasTag(e, "p", t.Deleter.ToString())))))
        {
            return WriteStatus.Deleted;
        }

        if (AddressOf(e) is { } address)
        {
            if (_deletedAddresses.Any(t => (t.Kind, t.PubKey, t.D) == address && e.CreatedAt <= t.Until))
            {
                return WriteStatus.Deleted;
            }

            var current = _stored.SingleOrDefault(s => AddressOf(s) == address);
            if (current is not null
                && (current.CreatedAt > e.CreatedAt || (current.CreatedAt == e.CreatedAt && string.CompareOrdinal(current.Id.ToString(), e.Id.ToString()) < 0)))
            {
                return WriteStatus.Superseded;
            }
        }

        if (e.Kind == 5)
        {
            var targets = e.GetDeletionTargets();
            var giftWrap = HasTag(e, "k", "1059");
            if (targets.Addresses.Any(a => a.PubKey != e.PubKey))
            {
                return WriteStatus.ForeignDeletion;
            }

            foreach (var id in targets.EventIds)
            {
                var target = _stored.SingleOrDefault(s => s.Id == id);
                if (target is not null && target.PubKey != e.PubKey
                    && !(giftWrap && target.Kind == 1059 && HasTag(target, "p", e.PubKey.ToString())))
                {
                    return WriteStatus.ForeignDeletion;
                }
            }
        }

        return WriteStatus.Stored;
    }

    /// <summary>The REQ answer: per filter the newest <c>limit</c> matches, then their union, newest first.</summary>
    public List<EventId> Query(IReadOnlyList<NostrFilter> filters, long now, int defaultLimit, int maxLimit)
    {
        var visible = _stored.Where(s => !(s.Expiration <= now)).ToList();
        return filters
            .SelectMany(f => Ordered(visible.Where(e => FilterReference.Matches(f, e))).Take(Math.Min(f.Limit ?? defaultLimit, maxLimit)))
            .DistinctBy(e => e.Id)
            .OrderByDescending(e => e.CreatedAt).ThenBy(e => e.Id.ToString(), StringComparer.Ordinal)
            .Select(e => e.Id)
            .ToList();
    }

    public long Count(IReadOnlyList<NostrFilter> filters, long now) =>
        _stored.Count(e => !(e.Expiration <= now) && filters.Any(f => FilterReference.Matches(f, e)));

    private static IEnumerable<NostrEvent> Ordered(IEnumerable<NostrEvent> events) =>
        events.OrderByDescending(e => e.CreatedAt).ThenBy(e => e.Id.ToString(), StringComparer.Ordinal);

    private void Apply(NostrEvent e)
    {
        if (AddressOf(e) is { } address)
        {
            _stored.RemoveAll(s => AddressOf(s) == address);
        }

        _stored.Add(e);
        if (e.Kind != 5)
        {
            return;
        }

        var targets = e.GetDeletionTargets();
        var giftWrap = HasTag(e, "k", "1059");
        foreach (var id in targets.EventIds)
        {
            if (_stored.SingleOrDefault(s => s.Id == id) is { Kind: 5 })
            {
                continue;
            }

            _stored.RemoveAll(s => s.Id == id);
            _deletedIds.Add((id, e.PubKey, giftWrap));
        }

        foreach (var a in targets.Addresses)
        {
            var kindClass = Kinds.Classify(a.Kind);
            if (kindClass is not (KindClass.Replaceable or KindClass.Addressable))
            {
                continue;
            }

            _stored.RemoveAll(s => AddressOf(s) == (a.Kind, a.PubKey, a.Identifier) && s.CreatedAt <= e.CreatedAt);
            _deletedAddresses.Add((a.Kind, a.PubKey, a.Identifier, e.CreatedAt));
        }
    }

    private static (int Kind, PublicKey PubKey, string D)? AddressOf(NostrEvent e) => Kinds.Classify(e.Kind) switch
    {
        KindClass.Replaceable => (e.Kind, e.PubKey, ""),
        KindClass.Addressable => (e.Kind, e.PubKey, e.Tags.Where(t => t[0] == "d").Select(t => t.Count > 1 ? t[1] : "").FirstOrDefault() ?? ""),
        _ => null,
    };

    private static bool HasTag(NostrEvent e, string name, string value) =>
        e.Tags.Any(t => t.Count > 1 && t[0] == name && t[1] == value);
}
