using System.Globalization;
using Relay.Nostr.Json;

namespace Relay.Nostr.Events;

/// <summary>
/// The address of a replaceable or addressable event, <c>&lt;kind&gt;:&lt;pubkey&gt;:&lt;d value&gt;</c>
/// (NIP-01 <c>a</c> tag; NIP-09 <c>a</c> deletion targets). The identifier is empty for replaceable
/// kinds and may itself contain <c>:</c>.
/// </summary>
/// <param name="Kind">The kind, 0–65535.</param>
/// <param name="PubKey">The author.</param>
/// <param name="Identifier">The <c>d</c> tag value ("" when absent).</param>
public readonly record struct EventAddress(int Kind, PublicKey PubKey, string Identifier)
{
    // 65535 has five digits: longer kind text is never a kind (and never reaches int.TryParse's overflow path).
    private static readonly int MaxKindDigits = JsonIntegers.CountDigits(Kinds.Max);

    /// <summary>
    /// Parses <c>kind:pubkey:d</c>: kind as plain decimal digits within 0–65535, pubkey as 64 lowercase
    /// hex, and everything after the second colon as the identifier.
    /// </summary>
    public static bool TryParse(string? text, out EventAddress address)
    {
        address = default;
        if (text is null)
        {
            return false;
        }

        var firstColon = text.IndexOf(':', StringComparison.Ordinal);
        if (firstColon <= 0 || text.Length < firstColon + 1 + PublicKey.HexLength + 1
            || text[firstColon + 1 + PublicKey.HexLength] != ':')
        {
            return false;
        }

        var kindText = text.AsSpan(0, firstColon);
        foreach (var c in kindText)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        if (kindText.Length > MaxKindDigits
            || !int.TryParse(kindText, NumberStyles.None, CultureInfo.InvariantCulture, out var kind)
            || kind > Kinds.Max
            || !PublicKey.TryParse(text.AsSpan(firstColon + 1, PublicKey.HexLength), out var pubKey))
        {
            return false;
        }

        address = new EventAddress(kind, pubKey, text[(firstColon + 1 + PublicKey.HexLength + 1)..]);
        return true;
    }

    /// <summary>The <c>kind:pubkey:d</c> text.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Kind}:{PubKey}:{Identifier}");
}
