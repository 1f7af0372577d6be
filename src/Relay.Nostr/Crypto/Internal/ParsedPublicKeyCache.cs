using Relay.Nostr.Events;

namespace Relay.Nostr.Crypto.Internal;

/// <summary>
/// A direct-mapped cache of parsed x-only public keys (<c>secp256k1_xonly_pubkey</c>, 64 opaque bytes).
/// Parsing is BIP-340's lift_x, a modular square root: about 5 µs of the ~45 µs a verification costs
/// (tests/Relay.Benchmarks/Nostr/native/verify_bench.c), paid again for every event of the same author.
/// </summary>
/// <remarks>
/// Thread-safe without locks: entries are immutable and published with a single reference write, so a
/// reader sees a whole entry or none. A collision simply replaces the older entry. Slots are chosen by the
/// process-seeded <see cref="PublicKey.GetHashCode"/>, so peers cannot aim their keys at one slot. Only keys
/// that parsed are stored. Memory: <see cref="Slots"/> × ~140 bytes at most.
/// </remarks>
internal sealed class ParsedPublicKeyCache
{
    /// <summary>4,096 slots (~560 KB when full): the recently active authors of a busy relay.</summary>
    public const int Slots = 4096;

    private readonly Entry?[] _entries = new Entry?[Slots];

    public byte[]? TryGet(PublicKey key)
    {
        var entry = Volatile.Read(ref _entries[IndexOf(key)]);
        return entry is not null && entry.Key == key ? entry.Parsed : null;
    }

    public void Add(PublicKey key, byte[] parsed) => Volatile.Write(ref _entries[IndexOf(key)], new Entry(key, parsed));

    private static int IndexOf(PublicKey key) => key.GetHashCode() & (Slots - 1);

    private sealed class Entry(PublicKey key, byte[] parsed)
    {
        public PublicKey Key { get; } = key;

        public byte[] Parsed { get; } = parsed;
    }
}
