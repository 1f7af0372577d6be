namespace Relay.LoadGenerator.Events;

/// <summary>A signed event ready to publish: its id and its whole <c>["EVENT", …]</c> message, built before any timing starts.</summary>
/// <param name="Id">The event id, 64 lowercase hex characters.</param>
/// <param name="PubKey">The author, 64 lowercase hex characters.</param>
/// <param name="Json">The event's canonical JSON (for <c>--write-jsonl</c>).</param>
/// <param name="Frame">The EVENT message payload.</param>
internal sealed record PreparedEvent(string Id, string PubKey, ReadOnlyMemory<byte> Json, byte[] Frame);
