using System.CommandLine;
using System.Globalization;
using Relay.LoadGenerator.Events;
using Relay.LoadGenerator.Output;

namespace Relay.LoadGenerator.Cli;

/// <summary>Options several commands share, and the glue from a parsed command line to a report and an exit code.</summary>
internal static class CommonOptions
{
    /// <summary>Exit code when a run finished but some answer never came (missing OK, delivery, EOSE or connection).</summary>
    public const int ExitIncomplete = 1;

    /// <summary>Exit code for a usage or environment problem found before the run (bad file, too few file descriptors).</summary>
    public const int ExitUsage = 2;

    public static Option<string> Url() => new("--url")
    {
        Description = "Relay WebSocket URL, ws://host:port[/path] (this client does no TLS).",
        Required = true,
    };

    public static Option<bool> Json() => new("--json") { Description = "Write the result as JSON (for scripts) instead of a table." };

    /// <summary>
    /// The run's bound. Defaults per command: 120 s for publish, fanout and req (ten times a 10,000-event or
    /// 1,000-subscriber run at the targets, so a slow relay still finishes); 300 s for connect-hold (10,000
    /// handshakes at a few hundred a second on a loaded machine); an hour for seed (1,000,000 events at ~3,000/s).
    /// </summary>
    public static Option<double> Timeout(double seconds) => Positive(new Option<double>("--timeout", "--duration")
    {
        Description = "Bound in seconds on the measured run (after signing); what has not arrived by then is reported as missing. Every loop also ends at its count.",
        DefaultValueFactory = _ => seconds,
    });

    public static Option<int?> RelayPid() => new("--relay-pid")
    {
        Description = "The relay's process id on this machine, to read its CPU time and memory from /proc.",
    };

    public static Option<int> Int(string name, int defaultValue, string description) => Positive(new Option<int>(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
    });

    /// <summary>Options describing generated events; read back with <see cref="Recipe"/>.</summary>
    public sealed class RecipeOptions
    {
        public Option<int> Authors { get; } = Int("--authors", 100, "Distinct authors (keys derived from --key-seed, as generate-events.mjs does).");

        public Option<string> KeySeed { get; } = new("--key-seed")
        {
            Description = "Seed the author keys derive from; the same seed gives the same authors in seed, req and generate-events.mjs.",
            DefaultValueFactory = _ => "relay-loadtest",
        };

        public Option<string> Kinds { get; } = new("--kinds")
        {
            Description = "Comma-separated kinds, cycled over the events.",
            DefaultValueFactory = _ => "1",
        };

        public Option<string> Tag { get; } = new("--tag")
        {
            Description = "Value of the t tag on every event.",
            DefaultValueFactory = _ => "relay-loadtest",
        };

        public Option<int> ContentBytes { get; } = Int("--content-bytes", 200, "Content length of generated events.");

        public void AddTo(Command command)
        {
            command.Options.Add(Authors);
            command.Options.Add(KeySeed);
            command.Options.Add(Kinds);
            command.Options.Add(Tag);
            command.Options.Add(ContentBytes);
        }

        public EventRecipe Recipe(ParseResult result, string? tagOverride = null) => new()
        {
            Authors = result.GetValue(Authors),
            KeySeed = result.GetValue(KeySeed)!,
            Kinds = ParseKinds(result.GetValue(Kinds)!),
            Tag = tagOverride ?? result.GetValue(Tag)!,
            ContentBytes = result.GetValue(ContentBytes),
        };
    }

    /// <summary>"1,7,30023" → [1, 7, 30023].</summary>
    public static int[] ParseKinds(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(kind => int.Parse(kind, NumberStyles.None, CultureInfo.InvariantCulture))];

    /// <summary>Parses the URL or explains why not (a value problem, reported like the parser's own errors).</summary>
    public static Uri? ParseUrl(string text, TextWriter error)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "ws")
            return url;
        error.WriteLine($"relay-load: --url must be an absolute ws:// URL, not \"{text}\"");
        return null;
    }

    /// <summary>Writes the report and maps completeness to the exit code.</summary>
    public static int Report(ParseResult parseResult, Option<bool> json, IScenarioResult result)
    {
        ReportWriter.Write(parseResult.InvocationConfiguration.Output, result, parseResult.GetValue(json));
        return result.Complete ? 0 : ExitIncomplete;
    }

    private static Option<T> Positive<T>(Option<T> option)
        where T : struct, IComparable<T>
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<T>().CompareTo(default) <= 0)
                result.AddError($"{option.Name} must be positive.");
        });
        return option;
    }
}
