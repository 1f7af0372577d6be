namespace Relay.Storage.Sqlite;

/// <summary>
/// The result of storing one event, and the NIP-01 <c>OK</c> reply it deserves: <c>["OK", id, Accepted, Message]</c>.
/// The message carries NIP-01's machine-readable prefix (<c>duplicate:</c>, <c>blocked:</c>, <c>invalid:</c>,
/// <c>error:</c>) and is empty for a plain success.
/// </summary>
/// <param name="Status">What happened.</param>
public readonly record struct WriteOutcome(WriteStatus Status)
{
    /// <summary>Reply text of <see cref="WriteStatus.Duplicate"/>.</summary>
    public const string DuplicateMessage = "duplicate: already have this event";

    /// <summary>Reply text of <see cref="WriteStatus.Deleted"/>.</summary>
    public const string DeletedMessage = "blocked: this event was deleted by its author";

    /// <summary>Reply text of <see cref="WriteStatus.Superseded"/>.</summary>
    public const string SupersededMessage = "duplicate: a newer version of this replaceable event is stored";

    /// <summary>Reply text of <see cref="WriteStatus.ForeignDeletion"/>.</summary>
    public const string ForeignDeletionMessage = "blocked: a deletion request can only delete its author's own events";

    /// <summary>Reply text of <see cref="WriteStatus.Expired"/>.</summary>
    public const string ExpiredMessage = "invalid: this event has expired";

    /// <summary>Reply text of <see cref="WriteStatus.Failed"/>.</summary>
    public const string FailedMessage = "error: could not store the event";

    /// <summary>
    /// The <c>OK</c> flag: true for <see cref="WriteStatus.Stored"/> and <see cref="WriteStatus.Duplicate"/>
    /// (NIP-01: "duplicate" is a success), false for every refusal.
    /// </summary>
    public bool Accepted => Status is WriteStatus.Stored or WriteStatus.Duplicate;

    /// <summary>True only when the event is new in the store: the relay fans out exactly these.</summary>
    public bool IsNew => Status == WriteStatus.Stored;

    /// <summary>The <c>OK</c> message (NIP-01 prefix + human text), "" for <see cref="WriteStatus.Stored"/>.</summary>
    public string Message => Status switch
    {
        WriteStatus.Stored => "",
        WriteStatus.Duplicate => DuplicateMessage,
        WriteStatus.Deleted => DeletedMessage,
        WriteStatus.Superseded => SupersededMessage,
        WriteStatus.ForeignDeletion => ForeignDeletionMessage,
        WriteStatus.Expired => ExpiredMessage,
        _ => FailedMessage,
    };

    /// <summary>The reply as it reads on the wire, e.g. <c>OK true "duplicate: already have this event"</c> (logs and tests).</summary>
    public override string ToString() => $"OK {(Accepted ? "true" : "false")} \"{Message}\"";
}
