using System.Collections.Immutable;
using System.CommandLine.Parsing;
using System.Globalization;
using Relay.Nostr.Events;

namespace Relay.Server.Commands.Internal;

/// <summary>Custom parsers for command-line values; each reports a bad value as a parse error naming the option.</summary>
internal static class ValueParsers
{
    /// <summary>A time: unix seconds, or an ISO 8601 date/time (UTC unless it carries an offset).</summary>
    public static long? Timestamp(ArgumentResult result)
    {
        var text = Single(result);
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time.ToUnixTimeSeconds();
        }

        result.AddError($"{OptionName(result)} must be unix seconds or an ISO 8601 time (2026-11-21T00:00:00Z), not '{text}'.");
        return null;
    }

    /// <summary>Comma-separated kinds, 0 to 65535 (NIP-01).</summary>
    public static ImmutableArray<int>? Kinds(ArgumentResult result)
    {
        var kinds = ImmutableArray.CreateBuilder<int>();
        foreach (var item in Items(result))
        {
            if (!int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var kind) || kind > Relay.Nostr.Events.Kinds.Max)
            {
                result.AddError($"{OptionName(result)}: '{item}' is not a kind (0 to {Relay.Nostr.Events.Kinds.Max}).");
                return null;
            }

            kinds.Add(kind);
        }

        return kinds.ToImmutable();
    }

    /// <summary>Comma-separated public keys, 64 lowercase hex characters each.</summary>
    public static ImmutableArray<PublicKey>? Authors(ArgumentResult result)
    {
        var authors = ImmutableArray.CreateBuilder<PublicKey>();
        foreach (var item in Items(result))
        {
            if (!PublicKey.TryParse(item.AsSpan(), out var key))
            {
                result.AddError($"{OptionName(result)}: '{item}' is not a public key (64 lowercase hex characters).");
                return null;
            }

            authors.Add(key);
        }

        return authors.ToImmutable();
    }

    private static IEnumerable<string> Items(ArgumentResult result) =>
        result.Tokens.SelectMany(token => token.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Single(ArgumentResult result) => result.Tokens.Count == 1 ? result.Tokens[0].Value : "";

    private static string OptionName(ArgumentResult result) => (result.Parent as OptionResult)?.Option.Name ?? "value";
}
