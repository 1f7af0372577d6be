using System.Text;
using Microsoft.Extensions.Primitives;
using Relay.WebSockets.Hosting;

namespace Relay.Server.Http.Internal;

/// <summary>
/// Answers every HTTP request on the relay that is not a WebSocket upgrade: at <c>/</c> the NIP-11 document
/// (<c>Accept: application/nostr+json</c>), the CORS preflight and the HTML page; <c>/healthz</c> and
/// <c>/readyz</c>. Upgrade requests and other paths go to the next middleware (the relay's endpoint, then
/// ASP.NET Core's 404).
/// </summary>
internal sealed class FrontDoorMiddleware(RequestDelegate next, RelayInformation information, RelayReadiness readiness)
{
    public const string HealthPath = "/healthz";
    public const string ReadyPath = "/readyz";

    private const string PlainText = "text/plain; charset=utf-8";
    private const string RootMethods = "GET, HEAD, OPTIONS";
    private const string ProbeMethods = "GET, HEAD";

    // NIP-11: relays MUST send Access-Control-Allow-Origin, -Headers and -Methods. The document is public and
    // read without credentials, so "*" is right for origin and headers (Fetch: "*" is a wildcard without credentials).
    private static readonly KeyValuePair<string, StringValues>[] CorsHeaders =
    [
        new("Access-Control-Allow-Origin", "*"),
        new("Access-Control-Allow-Headers", "*"),
        new("Access-Control-Allow-Methods", RootMethods),
    ];

    // A day: browsers cap it lower anyway (Chromium 2 h, Firefox 24 h); the answer never changes while we run.
    private const string PreflightMaxAge = "86400";

    private static readonly byte[] Ok = "ok\n"u8.ToArray();

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!path.HasValue || path.Value == "/")
            return WebSocketAcceptor.IsWebSocketUpgradeRequest(context) ? next(context) : RootAsync(context);
        if (path.Equals(HealthPath, StringComparison.Ordinal))
            return ProbeAsync(context, StatusCodes.Status200OK, Ok);
        if (path.Equals(ReadyPath, StringComparison.Ordinal))
        {
            var ready = readiness.IsReady;
            return ProbeAsync(context, ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable,
                Encoding.UTF8.GetBytes(ready ? "ready\n" : $"not ready: {readiness.Reason}\n"));
        }

        return next(context);
    }

    private Task RootAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        foreach (var header in CorsHeaders)
            response.Headers[header.Key] = header.Value;
        // The same URL answers JSON or HTML by Accept: caches must key on it (RFC 9110 §12.5.5).
        response.Headers.Vary = "Accept";

        if (HttpMethods.IsOptions(request.Method))
        {
            response.StatusCode = StatusCodes.Status204NoContent;
            response.Headers.AccessControlMaxAge = PreflightMaxAge;
            return Task.CompletedTask;
        }

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
            return MethodNotAllowed(response, RootMethods);

        return AcceptsNostrJson(request.Headers.Accept)
            ? WriteAsync(context, RelayInformation.MediaType, information.Json)
            : WriteAsync(context, RelayHomePage.ContentType, RelayHomePage.Render(information.Options, RelayHomePage.WebSocketUrl(information.Options, request)));
    }

    private static Task ProbeAsync(HttpContext context, int status, ReadOnlyMemory<byte> body)
    {
        var response = context.Response;
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            return MethodNotAllowed(response, ProbeMethods);
        response.StatusCode = status;
        response.Headers.CacheControl = "no-store";
        return WriteAsync(context, PlainText, body);
    }

    private static Task MethodNotAllowed(HttpResponse response, string allow)
    {
        response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        response.Headers.Allow = allow;
        return Task.CompletedTask;
    }

    private static Task WriteAsync(HttpContext context, string contentType, ReadOnlyMemory<byte> body)
    {
        var response = context.Response;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method)
            ? Task.CompletedTask
            : response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    /// <summary>
    /// True when a media range of <c>Accept</c> is exactly <c>application/nostr+json</c> (parameters aside).
    /// Wildcards do not count: a browser's <c>*/*</c> gets the HTML page.
    /// </summary>
    internal static bool AcceptsNostrJson(StringValues accept)
    {
        foreach (var value in accept)
        {
            foreach (var range in (value ?? string.Empty).Split(','))
            {
                var semicolon = range.IndexOf(';', StringComparison.Ordinal);
                var mediaType = (semicolon < 0 ? range : range[..semicolon]).Trim();
                if (mediaType.Equals(RelayInformation.MediaType, StringComparison.OrdinalIgnoreCase))
                    return true;
            }
        }

        return false;
    }
}
