using System.Text;
using Relay.Nostr;
using Relay.Nostr.Crypto;
using Relay.Nostr.Events;

namespace Relay.Benchmarks.Nostr;

/// <summary>The events the Nostr benchmarks work on.</summary>
internal static class NostrBenchmarkData
{
    public static readonly SecretKey Key = SecretKey.FromHex("6b911fd37cdf5c81d4c0adb1ab7fa822ed253ab0ad9aa18d77257c88b29b718e");

    /// <summary>A typical kind-1 note of about 400 bytes: one tag, a sentence of content.</summary>
    public static readonly NostrEvent Typical = NostrEvent.Create(
        Key, 1_763_700_000, 1, [new NostrTag("t", "nostr")], "GM! Relays should store exactly what they hash.");

    /// <summary>The same event as a client sends it: <c>["EVENT", {...}]</c>.</summary>
    public static readonly byte[] TypicalMessage = Encoding.UTF8.GetBytes($"[\"EVENT\",{Typical}]");

    public static NostrLimits Limits => NostrLimits.Default;
}
