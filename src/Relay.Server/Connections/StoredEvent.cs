using EventId = Relay.Nostr.Events.EventId;

namespace Relay.Server.Connections;

/// <summary>A stored event read for a REQ: its id (to drop a live copy buffered before EOSE) and its canonical JSON (owned).</summary>
internal readonly record struct StoredEvent(EventId Id, byte[] Json);
