using Relay.Nostr.Messages;
using Relay.Server.Operations.Internal;
using Relay.Storage.Sqlite;

namespace Relay.Server.Operations;

/// <summary>The one mapping from parser errors and storage statuses to <see cref="ImportOutcome"/>, and from outcomes to summary labels.</summary>
public static class ImportOutcomes
{
    /// <summary>Every outcome, in summary order.</summary>
    public static IReadOnlyList<ImportOutcome> All { get; } = Enum.GetValues<ImportOutcome>();

    /// <summary>The outcome of a line the Nostr core refused (parser or clock check).</summary>
    public static ImportOutcome FromError(ClientErrorReason reason) => reason switch
    {
        ClientErrorReason.MalformedJson => ImportOutcome.InvalidJson,
        ClientErrorReason.MessageTooLarge => ImportOutcome.LineTooLong,
        ClientErrorReason.EventIdMismatch => ImportOutcome.BadId,
        ClientErrorReason.InvalidSignature => ImportOutcome.BadSignature,
        ClientErrorReason.CreatedAtOutOfRange => ImportOutcome.CreatedAtOutOfRange,
        ClientErrorReason.Expired => ImportOutcome.Expired,

        // A line is wrapped as ["EVENT", line]: any other refusal means the line is not one well-formed event
        // (a second value after it, a non-object, a field that breaks NIP-01 or a limit).
        _ => ImportOutcome.InvalidEvent,
    };

    /// <summary>The outcome of an event the storage writer (or its pre-check) decided.</summary>
    public static ImportOutcome FromWrite(WriteStatus status) => status switch
    {
        WriteStatus.Stored => ImportOutcome.Stored,
        WriteStatus.Duplicate => ImportOutcome.Duplicate,
        WriteStatus.Deleted => ImportOutcome.Deleted,
        WriteStatus.Superseded => ImportOutcome.Superseded,
        WriteStatus.ForeignDeletion => ImportOutcome.ForeignDeletion,
        WriteStatus.Expired => ImportOutcome.Expired,

        // Failed is never produced by the store itself: a failed transaction throws, and the import stops.
        _ => ThrowHelper.ThrowUnexpected<WriteStatus, ImportOutcome>(status),
    };

    /// <summary>True for the outcomes that count as rejected (everything but stored and duplicate).</summary>
    public static bool IsRejection(ImportOutcome outcome) => outcome is not (ImportOutcome.Stored or ImportOutcome.Duplicate);

    /// <summary>The label used in the summary and progress lines, e.g. <c>bad signature</c>.</summary>
    public static string Label(ImportOutcome outcome) => outcome switch
    {
        ImportOutcome.Stored => "accepted",
        ImportOutcome.Duplicate => "duplicate",
        ImportOutcome.LineTooLong => "line too long",
        ImportOutcome.InvalidJson => "invalid JSON",
        ImportOutcome.InvalidEvent => "invalid event",
        ImportOutcome.BadId => "bad id",
        ImportOutcome.BadSignature => "bad signature",
        ImportOutcome.CreatedAtOutOfRange => "created_at out of range",
        ImportOutcome.Expired => "expired",
        ImportOutcome.Ephemeral => "ephemeral (not stored)",
        ImportOutcome.Deleted => "deleted",
        ImportOutcome.Superseded => "superseded",
        ImportOutcome.ForeignDeletion => "foreign deletion",
        _ => outcome.ToString(),
    };
}
