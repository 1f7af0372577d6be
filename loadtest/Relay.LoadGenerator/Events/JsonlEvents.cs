using System.Text;
using Relay.Nostr;
using Relay.Nostr.Events;

namespace Relay.LoadGenerator.Events;

/// <summary>
/// Pre-signed events as JSON Lines, one event object per line: what <c>loadtest/scripts/generate-events.mjs</c>
/// writes and <c>relay import</c> (strfry's format) reads.
/// </summary>
internal static class JsonlEvents
{
    /// <summary>Reads up to <paramref name="max"/> events; every id is recomputed (a bad file fails here, not in the relay).</summary>
    /// <exception cref="InvalidDataException">A line is not a valid event; the message names the line.</exception>
    public static async Task<List<PreparedEvent>> ReadAsync(string path, int max, CancellationToken cancellationToken)
    {
        var events = new List<PreparedEvent>();
        var lineNumber = 0;
        using var reader = new StreamReader(path, Encoding.UTF8);
        while (events.Count < max && await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
                continue;
            if (!NostrEvent.TryParse(Encoding.UTF8.GetBytes(line), NostrLimits.Default, out var parsed, out var error))
                throw new InvalidDataException($"{path}:{lineNumber}: {error}");
            events.Add(EventFactory.Prepare(parsed));
        }

        return events;
    }

    /// <summary>Appends events, one canonical JSON object per line.</summary>
    public static async Task WriteAsync(Stream output, IEnumerable<PreparedEvent> events, CancellationToken cancellationToken)
    {
        foreach (var prepared in events)
        {
            await output.WriteAsync(prepared.Json, cancellationToken).ConfigureAwait(false);
            output.WriteByte((byte)'\n');
        }
    }
}
