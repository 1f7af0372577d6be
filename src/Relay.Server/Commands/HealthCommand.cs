using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Net;

namespace Relay.Server.Commands;

/// <summary>
/// <c>relay health [--url URL] [--timeout SECONDS]</c>: asks a running relay's health endpoint and exits 0 when it
/// answers <c>200 OK</c> in time, 1 otherwise with the reason on standard error. The container image's
/// <c>HEALTHCHECK</c> runs it, so the check needs nothing but the relay binary (no curl in the image).
/// </summary>
internal static class HealthCommand
{
    /// <summary>Exit code of a healthy relay (Docker HEALTHCHECK: 0 = healthy).</summary>
    public const int Healthy = 0;

    /// <summary>Exit code of an unhealthy or unreachable relay (Docker HEALTHCHECK: 1 = unhealthy; 2 is reserved).</summary>
    public const int Unhealthy = 1;

    /// <summary>Where <c>relay serve --listen 0.0.0.0:7777</c> (the image's default command) answers.</summary>
    public static readonly Uri DefaultUrl = new("http://127.0.0.1:7777/healthz");

    // 3 s: inside the image's HEALTHCHECK --timeout=5s, leaving the runtime time to start this process.
    // A relay that cannot answer a health request in 3 s is failing its clients too.
    private const double DefaultTimeoutSeconds = 3;

    // Upper bound on --timeout: a health check that waits longer than 5 minutes is a hang, not a check.
    private const double MaxTimeoutSeconds = 300;

    public static Command Create()
    {
        var url = new Option<Uri>("--url")
        {
            Description = $"Health endpoint to ask (default {DefaultUrl}).",
            DefaultValueFactory = _ => DefaultUrl,
            CustomParser = ParseUrl,
        };
        var timeout = new Option<double>("--timeout")
        {
            Description = $"Seconds to wait for the answer (default {DefaultTimeoutSeconds}).",
            DefaultValueFactory = _ => DefaultTimeoutSeconds,
        };
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is <= 0 or > MaxTimeoutSeconds or double.NaN)
                result.AddError($"--timeout must be more than 0 and at most {MaxTimeoutSeconds} seconds.");
        });
        var command = new Command("health", "Exit 0 if the relay answers 200 at its health endpoint, 1 otherwise.") { url, timeout };
        command.SetAction((parseResult, cancellationToken) => CheckAsync(
            parseResult.GetValue(url)!,
            TimeSpan.FromSeconds(parseResult.GetValue(timeout)),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    /// <summary>Asks <paramref name="url"/> once; returns <see cref="Healthy"/> only for a 200 within <paramref name="timeout"/>.</summary>
    public static async Task<int> CheckAsync(Uri url, TimeSpan timeout, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        // No proxy (an HTTP_PROXY in the container must not intercept a loopback check) and no redirects
        // (a relay that redirects its health endpoint is misconfigured, not healthy).
        using var handler = new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, ConnectTimeout = timeout };
        using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                await output.WriteLineAsync($"healthy: {url} answered 200 OK");
                return Healthy;
            }
            await error.WriteLineAsync($"unhealthy: {url} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            return Unhealthy;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"unhealthy: {url} did not answer within {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s");
            return Unhealthy;
        }
        catch (HttpRequestException e)
        {
            await error.WriteLineAsync($"unhealthy: cannot reach {url}: {e.Message}");
            return Unhealthy;
        }
    }

    private static Uri? ParseUrl(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            return uri;
        result.AddError($"--url must be an absolute http:// or https:// URL, not '{text}'.");
        return null;
    }
}
