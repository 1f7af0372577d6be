using System.Globalization;
using System.Text;

namespace Relay.Server.Diagnostics.Internal;

/// <summary>
/// The labels of one series, rendered once when the series is created: <c>a="x",b="y"</c> in UTF-8, without
/// the braces, so a scrape only copies bytes. Label names are sanitised (<see cref="PrometheusNaming"/>);
/// two tags that sanitise to the same name are merged with <c>;</c> (as the OpenTelemetry mapping does);
/// empty values are left out (OpenMetrics: an empty label value is the same as no label).
/// </summary>
internal sealed class LabelSet
{
    public static readonly LabelSet Empty = new([], []);

    private LabelSet(IReadOnlyList<KeyValuePair<string, string>> labels, byte[] rendered)
    {
        Labels = labels;
        Rendered = rendered;
    }

    /// <summary>Sanitised name and formatted value of each label, in name order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; }

    /// <summary><c>a="x",b="y"</c>; empty when the series has no labels.</summary>
    public byte[] Rendered { get; }

    /// <summary>Builds the label set of a series from its tags.</summary>
    /// <param name="tags">The series' tags.</param>
    /// <param name="reserved">A label name the family's samples add themselves (<c>le</c> on histograms):
    /// a tag of that name is renamed <c>tag_le</c> rather than producing a duplicate label.</param>
    public static LabelSet From(TagKey tags, string? reserved)
    {
        if (tags.Count == 0) return Empty;
        var merged = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < tags.Count; i++)
        {
            var name = PrometheusNaming.SanitizeLabelName(tags[i].Key);
            if (name == reserved) name = "tag_" + name;
            var value = FormatValue(tags[i].Value);
            if (value.Length == 0) continue;
            merged[name] = merged.TryGetValue(name, out var existing) ? existing + ";" + value : value;
        }
        return Create(merged.ToList());
    }

    /// <summary>A label set from already-valid label names, e.g. the overflow marker.</summary>
    public static LabelSet Create(IReadOnlyList<KeyValuePair<string, string>> labels)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in labels)
        {
            if (text.Length > 0) text.Append(',');
            text.Append(name).Append("=\"");
            AppendEscaped(text, value, escapeQuote: true);
            text.Append('"');
        }
        return new LabelSet(labels, Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>
    /// Escapes a label value (<paramref name="escapeQuote"/>) or a HELP text: backslash and line feed always,
    /// double quote in label values (text format 0.0.4) and in OpenMetrics HELP, whose ABNF uses the same
    /// escaped-string for both.
    /// </summary>
    public static void AppendEscaped(StringBuilder destination, string value, bool escapeQuote)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': destination.Append(@"\\"); break;
                case '\n': destination.Append(@"\n"); break;
                case '"' when escapeQuote: destination.Append("\\\""); break;
                default: destination.Append(c); break;
            }
        }
    }

    private static string FormatValue(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
