using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Relay.Server.Diagnostics.Internal;

/// <summary>Chooses the exposition format from an <c>Accept</c> header and names its content type.</summary>
internal static class ContentNegotiation
{
    public const string PrometheusTextContentType = "text/plain; version=0.0.4; charset=utf-8";
    public const string OpenMetricsContentType = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    /// <summary>
    /// OpenMetrics when the client names <c>application/openmetrics-text</c> (version 1.0.0 or unversioned) with a
    /// quality at least that of any text/plain range it accepts; the 0.0.4 text format otherwise, also for
    /// <c>*/*</c>, no header and unparseable headers (the OpenMetrics spec leaves negotiation to HTTP; the
    /// Prometheus text format is the one every consumer reads). Prometheus 2.x sends
    /// <c>application/openmetrics-text;version=1.0.0,...,text/plain;version=0.0.4;q=0.5,*/*;q=0.1</c>.
    /// </summary>
    public static ExpositionFormat Select(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept) || !MediaTypeHeaderValue.TryParseList(accept, out var ranges))
            return ExpositionFormat.PrometheusText;
        double openMetrics = 0, text = 0;
        foreach (var range in ranges)
        {
            var quality = range.Quality ?? 1;
            if (range.MediaType.Equals("application/openmetrics-text", StringComparison.OrdinalIgnoreCase))
            {
                var version = range.Parameters.FirstOrDefault(p => p.Name.Equals("version", StringComparison.OrdinalIgnoreCase));
                if (version is null || HeaderUtilities.RemoveQuotes(version.Value).Equals("1.0.0", StringComparison.Ordinal))
                    openMetrics = Math.Max(openMetrics, quality);
            }
            else if (range.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase)
                || range.MediaType.Equals("text/*", StringComparison.OrdinalIgnoreCase)
                || range.MediaType.Equals("*/*", StringComparison.OrdinalIgnoreCase))
            {
                text = Math.Max(text, quality);
            }
        }
        return openMetrics > 0 && openMetrics >= text ? ExpositionFormat.OpenMetrics : ExpositionFormat.PrometheusText;
    }

    public static string ContentType(ExpositionFormat format) =>
        format == ExpositionFormat.OpenMetrics ? OpenMetricsContentType : PrometheusTextContentType;
}
