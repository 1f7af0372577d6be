using Relay.Nostr.Crypto;
using Relay.Nostr.Events;

namespace Relay.Server.Tests.EndToEnd.Support;

/// <summary>Signed events for tests.</summary>
internal static class Events
{
    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    public static NostrEvent Sign(SecretKey key, int kind = 1, string content = "hello", long? createdAt = null, params NostrTag[] tags) =>
        NostrEvent.Create(key, createdAt ?? Now, kind, tags, content);


    public static PublicKey PublicKeyOf(SecretKey key) => Sign(key).PubKey;
}

/// <summary>Key helpers.</summary>
internal static class SecretKeyExtensions
{
    public static string PublicKeyHex(this SecretKey key) => Events.PublicKeyOf(key).ToString();
}
