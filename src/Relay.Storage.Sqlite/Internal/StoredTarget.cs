using Relay.Nostr.Events;

namespace Relay.Storage.Sqlite.Internal;

/// <summary>A stored event a NIP-09 deletion request names by id: who wrote it and what it is.</summary>
internal readonly record struct StoredTarget(long Seq, PublicKey PubKey, int Kind);
