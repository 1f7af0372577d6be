using System.Text;
using Relay.Nostr.Crypto;
using Relay.Nostr.Events;

namespace Relay.Nostr.Tests.Support;

/// <summary>Events and keys for tests, signed through the real implementation.</summary>
internal static class TestEvents
{
    /// <summary>A fixed key, so failures are reproducible.</summary>
    public static readonly SecretKey Alice = SecretKey.FromHex("6b911fd37cdf5c81d4c0adb1ab7fa822ed253ab0ad9aa18d77257c88b29b718e");

    public static readonly SecretKey Bob = SecretKey.FromHex("7f7ff03d123792d6ac594bfa67bf6d0c0ab55b6b1fdb6249303fe861f1ccba9a");

    public const long Now = 1_763_700_000;

    /// <summary>A typical kind-1 note: about 400 bytes with three tags.</summary>
    public static readonly NostrEvent TypicalNote = NostrEvent.Create(
        Alice,
        Now,
        1,
        [
            new NostrTag("e", "5c83da77af1dec6d7289834998ad7aafbd9e2191396d75ec3cc27f5a77226f36", "wss://nostr.example.com"),
            new NostrTag("p", "f7234bd4c1394dda46d09f35bd384dd30cc552ad5541990f98844fb06676e9ca"),
            new NostrTag("t", "nostr"),
        ],
        "Replying to the thread: relays should store events exactly as they hash them. \"Quotes\", back\\slashes, newlines\nand emoji 🎉 all survive.");

    public static NostrEvent Note(string content = "hello", int kind = 1, long createdAt = Now, SecretKey? key = null, params NostrTag[] tags) =>
        NostrEvent.Create(key ?? Alice, createdAt, kind, tags, content);

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static string Text(ReadOnlyMemory<byte> utf8) => Encoding.UTF8.GetString(utf8.Span);

    /// <summary>The event's JSON text with one substring replaced (to build malformed variants).</summary>
    public static string Replace(NostrEvent e, string oldValue, string newValue)
    {
        var json = e.ToString();
        Assert.Contains(oldValue, json, StringComparison.Ordinal);
        return json.Replace(oldValue, newValue, StringComparison.Ordinal);
    }
}
