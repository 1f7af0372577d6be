using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Relay.LoadGenerator.Output;

/// <summary>Writes a result as JSON (for scripts) or as an aligned two-column table.</summary>
internal static class ReportWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes <paramref name="result"/> to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, IScenarioResult result, bool json)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(result, result.GetType(), JsonOptions));
            return;
        }

        var rows = result.Rows().ToList();
        var width = rows.Count == 0 ? 0 : rows.Max(row => row.Label.Length);
        output.WriteLine($"relay-load {result.Scenario}{(result.Complete ? "" : "  (INCOMPLETE: see counts)")}");
        foreach (var (label, value) in rows)
            output.WriteLine($"  {label.PadRight(width)}  {value}");
    }

    /// <summary>A number with thousands separators and <paramref name="decimals"/> decimals, invariant culture.</summary>
    public static string Number(double value, int decimals = 0) => value.ToString("N" + decimals, CultureInfo.InvariantCulture);

    /// <summary>"prefix: n, prefix: m", or "0".</summary>
    public static string Breakdown(IReadOnlyDictionary<string, long> counts) =>
        counts.Count == 0 ? "0" : string.Join(", ", counts.OrderByDescending(pair => pair.Value).Select(pair => $"{pair.Key} {Number(pair.Value)}"));
}
