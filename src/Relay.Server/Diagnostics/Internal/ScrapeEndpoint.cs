using System.IO.Compression;
using Microsoft.Net.Http.Headers;

namespace Relay.Server.Diagnostics.Internal;

/// <summary>Answers <c>GET</c>/<c>HEAD /metrics</c> from the container's <see cref="MetricsCollector"/>.</summary>
internal static class ScrapeEndpoint
{
    // A full exposition with the runtime and Kestrel meters is ~40 KB; one rent usually suffices.
    private const int InitialBufferSize = 64 * 1024;

    public static async Task HandleAsync(HttpContext context)
    {
        var collector = context.RequestServices.GetRequiredService<MetricsCollector>();
        var format = ContentNegotiation.Select(context.Request.Headers.Accept);
        var response = context.Response;
        response.ContentType = ContentNegotiation.ContentType(format);
        response.Headers.CacheControl = "no-store";
        response.Headers.Vary = "Accept, Accept-Encoding";
        if (HttpMethods.IsHead(context.Request.Method)) return;

        using var buffer = new PooledBufferWriter(InitialBufferSize);
        collector.WriteTo(buffer, format);
        if (AcceptsGzip(context.Request))
        {
            // Prometheus asks for gzip; the text compresses ~10x, which matters to a remote scraper.
            response.Headers.ContentEncoding = "gzip";
            await using var gzip = new GZipStream(response.Body, CompressionLevel.Fastest, leaveOpen: true);
            await gzip.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
        }
        else
        {
            response.ContentLength = buffer.WrittenCount;
            await response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
        }
    }

    private static bool AcceptsGzip(HttpRequest request) =>
        StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptEncoding, out var codings)
        && codings.Any(c => c.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) && (c.Quality ?? 1) > 0);
}
