using System.Text;
using Relay.WebSockets.Handshake;

namespace Relay.WebSockets.Compression.Internal;

/// <summary>permessage-deflate negotiation (RFC 7692 §5, §7.1): the server's choice among offers and the client's check of the answer.</summary>
internal static class PerMessageDeflateNegotiator
{
    private const string ServerNoContextTakeover = "server_no_context_takeover";
    private const string ClientNoContextTakeover = "client_no_context_takeover";
    private const string ServerMaxWindowBits = "server_max_window_bits";
    private const string ClientMaxWindowBits = "client_max_window_bits";

    /// <summary>The parameters of one offer or response after the checks of RFC 7692 §5.</summary>
    private readonly record struct Parsed(bool ServerNoContext, bool ClientNoContext, int? ServerWindow, bool ClientWindowPresent, int? ClientWindow);

    /// <summary>Server side: accepts the first offer we can honour (§5: offers are in the client's order of preference).</summary>
    /// <returns>False when no offer is acceptable; the handshake then proceeds without compression.</returns>
    public static bool TryAccept(IReadOnlyList<ExtensionOffer> offers, PerMessageDeflateOptions options,
        out PerMessageDeflateParameters parameters, out string? responseHeader)
    {
        foreach (var offer in offers)
        {
            if (!string.Equals(offer.Name, PerMessageDeflateParameters.ExtensionName, StringComparison.OrdinalIgnoreCase)
                || !TryParseParameters(offer, out var parsed))
                continue;

            // §7.1.1.1: the server may announce server_no_context_takeover even when not asked.
            var serverNoContext = parsed.ServerNoContext || options.ServerNoContextTakeover;
            // §7.1.1.2: the server may ask for client_no_context_takeover; a client offering it already intends to.
            var clientNoContext = parsed.ClientNoContext || options.ClientNoContextTakeover;
            // §7.1.2.1: accept a server_max_window_bits offer with the same or a smaller value. Without the offer,
            // a smaller window of ours needs no announcement: the client inflates with its full window anyway.
            var serverWindow = Math.Min(parsed.ServerWindow ?? 15, options.ServerMaxWindowBits);
            // §7.1.2.2: client_max_window_bits may be answered only when offered, with a value no larger than offered.
            var clientWindow = parsed.ClientWindowPresent ? Math.Min(parsed.ClientWindow ?? 15, options.ClientMaxWindowBits) : 15;

            parameters = new PerMessageDeflateParameters(serverNoContext, clientNoContext, serverWindow, clientWindow);
            responseHeader = parameters.ToResponseHeader(
                sendServerWindow: parsed.ServerWindow.HasValue,
                sendClientWindow: parsed.ClientWindowPresent && clientWindow < 15);
            return true;
        }

        parameters = default;
        responseHeader = null;
        return false;
    }

    /// <summary>Client side: the offer to send for these options.</summary>
    public static string CreateOffer(PerMessageDeflateOptions options)
    {
        // Like browsers, always offer client_max_window_bits so the server may limit our window (§7.1.2.2).
        var builder = new StringBuilder(PerMessageDeflateParameters.ExtensionName).Append("; ").Append(ClientMaxWindowBits);
        if (options.ClientMaxWindowBits < 15)
            builder.Append('=').Append(options.ClientMaxWindowBits);
        if (options.ServerMaxWindowBits < 15)
            builder.Append("; ").Append(ServerMaxWindowBits).Append('=').Append(options.ServerMaxWindowBits);
        if (options.ServerNoContextTakeover)
            builder.Append("; ").Append(ServerNoContextTakeover);
        if (options.ClientNoContextTakeover)
            builder.Append("; ").Append(ClientNoContextTakeover);
        return builder.ToString();
    }

    /// <summary>Client side: checks the server's answer to <see cref="CreateOffer"/> (§5: an unacceptable answer fails the connection).</summary>
    public static bool TryAcceptResponse(IReadOnlyList<ExtensionOffer> response, PerMessageDeflateOptions options,
        out PerMessageDeflateParameters parameters)
    {
        parameters = default;
        // We offered exactly one extension: the answer may name it once and nothing else (RFC 6455 §9.1).
        if (response.Count != 1
            || !string.Equals(response[0].Name, PerMessageDeflateParameters.ExtensionName, StringComparison.OrdinalIgnoreCase)
            || !TryParseParameters(response[0], out var parsed))
            return false;
        // §7.1.2.1: the server's window may not exceed the one we asked for.
        if (parsed.ServerWindow > options.ServerMaxWindowBits)
            return false;
        // §7.1.2.2: in a response client_max_window_bits must carry a value.
        if (parsed.ClientWindowPresent && parsed.ClientWindow is null)
            return false;

        parameters = new PerMessageDeflateParameters(
            parsed.ServerNoContext,
            parsed.ClientNoContext || options.ClientNoContextTakeover,
            parsed.ServerWindow ?? 15,
            Math.Min(parsed.ClientWindow ?? 15, options.ClientMaxWindowBits));
        return true;
    }

    /// <summary>§5: declines (false) on an unknown parameter, a repeated one, or an invalid value.</summary>
    private static bool TryParseParameters(ExtensionOffer offer, out Parsed parsed)
    {
        parsed = default;
        bool serverNoContext = false, clientNoContext = false, clientWindowPresent = false;
        int? serverWindow = null, clientWindow = null;
        var seen = 0;
        foreach (var (name, value) in offer.Parameters)
        {
            int bit;
            switch (name.ToLowerInvariant())
            {
                case ServerNoContextTakeover when value is null:
                    bit = 1;
                    serverNoContext = true;
                    break;
                case ClientNoContextTakeover when value is null:
                    bit = 2;
                    clientNoContext = true;
                    break;
                case ServerMaxWindowBits when TryParseWindowBits(value, out var bits):
                    bit = 4;
                    serverWindow = bits;
                    break;
                case ClientMaxWindowBits when value is null || TryParseWindowBits(value, out _):
                    bit = 8;
                    clientWindowPresent = true;
                    clientWindow = value is null ? null : int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                    break;
                default:
                    return false;
            }

            if ((seen & bit) != 0)
                return false;
            seen |= bit;
        }

        parsed = new Parsed(serverNoContext, clientNoContext, serverWindow, clientWindowPresent, clientWindow);
        return true;
    }

    /// <summary>§7.1.2.1: a decimal integer 8-15 without leading zeroes.</summary>
    private static bool TryParseWindowBits(string? value, out int bits)
    {
        bits = 0;
        if (value is null || value.Length is < 1 or > 2 || value[0] == '0')
            return false;
        foreach (var c in value)
        {
            if (c is < '0' or > '9')
                return false;
            bits = (bits * 10) + (c - '0');
        }

        return bits is >= 8 and <= 15;
    }
}
