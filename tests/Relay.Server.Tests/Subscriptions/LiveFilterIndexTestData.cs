using System.Collections.Immutable;
using Relay.Nostr.Crypto;
using Relay.Nostr.Events;
using Relay.Nostr.Filters;

namespace Relay.Server.Tests.Subscriptions;

/// <summary>Deterministic keys, events and filters for the live index tests.</summary>
internal static class LiveFilterIndexTestData
{
    /// <summary>Secret keys 1..8: valid (1 ≤ d &lt; n), deterministic, and few enough that author filters hit.</summary>
    public static readonly SecretKey[] Keys = [.. Enumerable.Range(1, 8).Select(KeyFromNumber)];

    public static readonly PublicKey[] Authors = [.. Keys.Select(key => key.GetPublicKey())];

    public static SecretKey KeyFromNumber(int number)
    {
        var bytes = new byte[32];
        bytes[28] = (byte)(number >> 24);
        bytes[29] = (byte)(number >> 16);
        bytes[30] = (byte)(number >> 8);
        bytes[31] = (byte)number;
        return SecretKey.FromBytes(bytes);
    }

    public static NostrEvent Event(int author, int kind, long createdAt = 1_000, string content = "", params string[][] tags) =>
        NostrEvent.Create(Keys[author], createdAt, kind, [.. tags.Select(tag => new NostrTag(tag))], content);

    public static ImmutableArray<T> List<T>(params T[] items) => [.. items];

    public static TagFilter Tag(char letter, params string[] values) => new(letter, [.. values]);

    public static string Hex(char digit) => new(digit, 64);

    /// <summary>
    /// A subscriber for tests. A record, so two with the same name are equal by value: the index must still tell
    /// them apart (it compares by reference).
    /// </summary>
    public sealed record Subscription(string Name);
}
