using System.Security.Cryptography;
using System.Text;
using Relay.Nostr.Events;

namespace Relay.Nostr.Tests.Support;

/// <summary>
/// A second, deliberately plain NIP-01 serialiser (character by character from the rule list), to check the
/// library's id computation against something that shares none of its code.
/// </summary>
internal static class NaiveNip01
{
    public static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '\n' => "\\n",
                '"' => "\\\"",
                '\\' => "\\\\",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                < ' ' => "\\u" + ((int)c).ToString("x4"),
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }

    public static string Tags(IEnumerable<NostrTag> tags) =>
        "[" + string.Join(",", tags.Select(t => "[" + string.Join(",", t.Values.Select(Quote)) + "]")) + "]";

    public static string Preimage(NostrEvent e) =>
        $"[0,\"{e.PubKey}\",{e.CreatedAt},{e.Kind},{Tags(e.Tags)},{Quote(e.Content)}]";

    public static string Id(NostrEvent e) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Preimage(e))));
}
