using System.Text.Json;

namespace Relay.Nostr.Json;

/// <summary>Reader options for everything clients send.</summary>
internal static class ClientJson
{
    /// <summary>
    /// Strict RFC 8259: no comments, no trailing commas, a single value. Depth 8 covers the deepest valid
    /// message (message array → event → tags → tag = 4) with room for unknown fields; deeper nesting is
    /// refused before it costs anything.
    /// </summary>
    public static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = 8,
    };
}
