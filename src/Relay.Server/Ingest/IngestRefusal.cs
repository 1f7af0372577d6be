namespace Relay.Server.Ingest;

/// <summary>Why the relay itself (not the parser, the clock check or storage) refused an event.</summary>
internal enum IngestRefusal
{
    /// <summary>The connection or its address is over its EVENT rate.</summary>
    RateLimited,

    /// <summary>A NIP-42 kind 22242 event sent with EVENT: it is only an AUTH payload.</summary>
    AuthEventPublished,

    /// <summary>A NIP-70 protected event from a connection not authenticated as its author.</summary>
    ProtectedEvent,
}
