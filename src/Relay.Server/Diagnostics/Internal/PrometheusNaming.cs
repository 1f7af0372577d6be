using System.Text;

namespace Relay.Server.Diagnostics.Internal;

/// <summary>
/// Turns <c>System.Diagnostics.Metrics</c> instrument names, tag keys and UCUM units into Prometheus names.
/// The rules follow the OpenTelemetry "Prometheus and OpenMetrics compatibility" mapping, reduced to what
/// the meters we export use (see docs/metrics.md, "Naming"):
/// <list type="bullet">
/// <item>characters outside <c>[a-zA-Z0-9_:]</c> (dots, dashes, slashes) become <c>_</c>; a leading digit gets a
/// <c>_</c> prefix; label names may not contain <c>:</c> and never start with <c>__</c> (reserved).</item>
/// <item>the unit becomes a suffix (<c>s</c>/<c>ms</c> → <c>_seconds</c>, <c>By</c> → <c>_bytes</c>, annotations
/// such as <c>{event}</c> are dropped) unless the name already ends with it.</item>
/// <item>counters get <c>_total</c> (in OpenMetrics only on the sample, the family name goes without).</item>
/// </list>
/// </summary>
internal static class PrometheusNaming
{
    /// <summary>Replaces every character a metric name may not hold; see the OpenMetrics ABNF "metricname".</summary>
    public static string SanitizeMetricName(string name) => Sanitize(name, allowColon: true);

    /// <summary>Same for label names ("label-name": no colon); names starting "__" are reserved to Prometheus.</summary>
    public static string SanitizeLabelName(string name)
    {
        var sanitized = Sanitize(name, allowColon: false);
        while (sanitized.StartsWith("__", StringComparison.Ordinal))
            sanitized = sanitized[1..];
        return sanitized;
    }

    /// <summary>
    /// The Prometheus unit word for a UCUM unit, and the factor that converts a measurement into it
    /// (milliseconds are exported as seconds: Prometheus wants base units). Empty when the unit is
    /// dimensionless or a UCUM annotation (<c>{connection}</c>).
    /// </summary>
    public static (string Unit, double Scale) MapUnit(string? ucum) => ucum switch
    {
        null or "" or "1" => ("", 1),
        "s" => ("seconds", 1),
        "ms" => ("seconds", 1e-3),
        "us" => ("seconds", 1e-6),
        "ns" => ("seconds", 1e-9),
        "By" => ("bytes", 1),
        "KiBy" => ("bytes", 1024),
        "MiBy" => ("bytes", 1024 * 1024),
        "%" => ("percent", 1),
        "Cel" => ("celsius", 1),
        "Hz" => ("hertz", 1),
        "By/s" => ("bytes_per_second", 1),
        // "{event}", "{connection}/s"... : annotations carry no unit a metric name should repeat.
        _ when ucum.Contains('{', StringComparison.Ordinal) => ("", 1),
        _ => (SanitizeLabelName(ucum.Replace("/", "_per_", StringComparison.Ordinal)).Trim('_').ToLowerInvariant(), 1),
    };

    /// <summary>
    /// The MetricFamily name: sanitised instrument name plus the unit suffix when not already present.
    /// A trailing <c>_total</c> is removed for counters (it is a sample suffix in OpenMetrics) and kept otherwise.
    /// </summary>
    public static string FamilyName(string instrumentName, string unit, bool isCounter)
    {
        var name = SanitizeMetricName(instrumentName);
        if (isCounter && name.EndsWith("_total", StringComparison.Ordinal) && name.Length > "_total".Length)
            name = name[..^"_total".Length];
        if (unit.Length > 0 && !name.EndsWith("_" + unit, StringComparison.Ordinal))
            name = name + "_" + unit;
        return name;
    }

    private static string Sanitize(string name, bool allowColon)
    {
        if (name.Length == 0) return "_";
        var builder = new StringBuilder(name.Length + 1);
        if (char.IsAsciiDigit(name[0])) builder.Append('_');
        foreach (var c in name)
        {
            var valid = char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':');
            builder.Append(valid ? c : '_');
        }
        return builder.ToString();
    }
}
