namespace Relay.Storage.Sqlite;

/// <summary>
/// What storing one event did (NIP-01, NIP-09, NIP-40). A closed set: <see cref="WriteOutcome"/> maps each
/// value to the <c>OK</c> flag and message in one place.
/// </summary>
public enum WriteStatus
{
    /// <summary>Stored as a new event (<c>OK true ""</c>); the relay fans it out to live subscriptions.</summary>
    Stored,

    /// <summary>
    /// An event with this id is already stored (<c>OK true "duplicate: ..."</c>, NIP-01: a duplicate is
    /// accepted, not refused). Nothing changed; do not fan it out again.
    /// </summary>
    Duplicate,

    /// <summary>
    /// Its author deleted it (NIP-09): by id (<c>e</c> tag), or by address (<c>a</c> tag) with a deletion
    /// request at least as new as this version. Refused, also when the deletion arrived first.
    /// </summary>
    Deleted,

    /// <summary>
    /// A replaceable or addressable event older than the stored version of its address, or equally old
    /// with a higher id (NIP-01: the lowest id wins a tie). Not stored; refused so that clients and
    /// relay test suites see the older version was not taken.
    /// </summary>
    Superseded,

    /// <summary>
    /// A kind-5 deletion request naming an event or address of another author (NIP-09: "Relays MAY validate
    /// that a deletion request event only references events that have the same pubkey"). Refused as a
    /// whole, so nothing it names is touched; the gift-wrap recipient rule of NIP-09 is honoured.
    /// </summary>
    ForeignDeletion,

    /// <summary>Already expired (NIP-40) when written. The relay refuses these before storage; this is the safety net.</summary>
    Expired,

    /// <summary>
    /// Not produced by the store: the value the relay uses for every event of a batch whose transaction
    /// failed (<c>WriteBatch</c> threw, e.g. disk full), so that the reply text lives here with the others.
    /// </summary>
    Failed,
}
