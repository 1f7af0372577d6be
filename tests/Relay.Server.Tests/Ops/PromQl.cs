using System.Text.RegularExpressions;

namespace Relay.Server.Tests.Ops;

/// <summary>Just enough PromQL reading to list the metric names a query selects, and Grafana variable expansion.</summary>
internal static partial class PromQl
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool", "offset",
        "inf", "nan", "Inf", "NaN",
    };

    /// <summary>Metric names selected by <paramref name="query"/>: identifiers that are not functions, keywords,
    /// label names, strings, durations or numbers.</summary>
    public static IReadOnlyList<string> MetricNames(string query)
    {
        var text = Strings().Replace(query, "\"\"");
        text = LabelMatchers().Replace(text, "{}");
        text = Ranges().Replace(text, "");
        text = Grouping().Replace(text, "");
        return Identifiers().Matches(text).Select(m => m.Value).Where(n => !Keywords.Contains(n)).Distinct().ToArray();
    }

    /// <summary>Replaces Grafana's variables with values a plain Prometheus query accepts.</summary>
    public static string ExpandGrafanaVariables(string expr, string rateInterval) => expr
        .Replace("$__rate_interval", rateInterval, StringComparison.Ordinal)
        .Replace("$__interval", rateInterval, StringComparison.Ordinal)
        .Replace("$__range", rateInterval, StringComparison.Ordinal)
        .Replace("${instance}", ".*", StringComparison.Ordinal)
        .Replace("$instance", ".*", StringComparison.Ordinal);

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`")]
    private static partial Regex Strings();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex LabelMatchers();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Ranges();

    [GeneratedRegex(@"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    // An identifier not glued to a number (1e3, 5m) and not followed by "(" (a function call).
    [GeneratedRegex(@"(?<![\w.:])(?>[a-zA-Z_:][a-zA-Z0-9_:]*)(?!\s*\()")]
    private static partial Regex Identifiers();
}
