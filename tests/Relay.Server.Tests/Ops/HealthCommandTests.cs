using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Relay.Server.Commands;
using Relay.Server.Tests.Diagnostics;

namespace Relay.Server.Tests.Ops;

/// <summary><c>relay health</c> against real loopback servers: healthy, unhealthy, closed, silent, redirecting.</summary>
public class HealthCommandTests
{
    private sealed record Outcome(int ExitCode, string Output, string Error);

    private static async Task<Outcome> RunAsync(params string[] args)
    {
        var root = new RootCommand { HealthCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await root.Parse(["health", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new Outcome(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>A loopback app with ASP.NET Core's health checks on /healthz (what relay serve maps) and a redirect.</summary>
    private sealed class HealthServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private HealthServer(WebApplication app, string baseAddress) => (_app, BaseAddress) = (app, baseAddress);

        public volatile bool IsHealthy = true;

        public string BaseAddress { get; }

        public static async Task<HealthServer> StartAsync()
        {
            HealthServer? server = null;
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
            builder.Services.AddHealthChecks().AddCheck("toggle",
                () => server!.IsHealthy ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("draining"));
            var app = builder.Build();
            app.MapHealthChecks("/healthz");
            app.MapGet("/moved", () => Results.Redirect("/healthz"));
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            server = new HealthServer(app, address);
            return server;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }

    [Fact]
    public async Task Healthy_relay_exits_zero()
    {
        await using var server = await HealthServer.StartAsync();
        var outcome = await RunAsync("--url", server.BaseAddress + "/healthz");
        Assert.Equal(HealthCommand.Healthy, outcome.ExitCode);
        Assert.Equal($"healthy: {server.BaseAddress}/healthz answered 200 OK", outcome.Output.Trim());
        Assert.Empty(outcome.Error);
    }

    [Fact]
    public async Task Unhealthy_relay_answering_503_exits_one_and_says_so()
    {
        await using var server = await HealthServer.StartAsync();
        server.IsHealthy = false;
        var outcome = await RunAsync("--url", server.BaseAddress + "/healthz");
        Assert.Equal(HealthCommand.Unhealthy, outcome.ExitCode);
        Assert.Equal($"unhealthy: {server.BaseAddress}/healthz answered 503 Service Unavailable", outcome.Error.Trim());
    }

    [Fact]
    public async Task Redirect_is_not_followed_and_counts_as_unhealthy()
    {
        await using var server = await HealthServer.StartAsync();
        var outcome = await RunAsync("--url", server.BaseAddress + "/moved");
        Assert.Equal(HealthCommand.Unhealthy, outcome.ExitCode);
        Assert.StartsWith($"unhealthy: {server.BaseAddress}/moved answered 302", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closed_port_exits_one_naming_the_url()
    {
        // Bound but not listening: connections are refused, and no concurrent test can take the port meanwhile.
        using var closed = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        closed.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)closed.LocalEndPoint!).Port;
        var outcome = await RunAsync("--url", $"http://127.0.0.1:{port}/healthz");
        Assert.Equal(HealthCommand.Unhealthy, outcome.ExitCode);
        Assert.StartsWith($"unhealthy: cannot reach http://127.0.0.1:{port}/healthz", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_that_never_answers_exits_one_after_the_timeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var accept = silent.AcceptTcpClientAsync();   // accepted by the kernel backlog; never read, never answered
        var outcome = await RunAsync("--url", $"http://127.0.0.1:{port}/healthz", "--timeout", "0.5");
        Assert.Equal(HealthCommand.Unhealthy, outcome.ExitCode);
        Assert.Equal($"unhealthy: http://127.0.0.1:{port}/healthz did not answer within 0.5 s", outcome.Error.Trim());
        (await accept).Dispose();
    }

    [Theory]
    [InlineData("--url", "ftp://127.0.0.1/healthz", "--url must be an absolute http:// or https:// URL, not 'ftp://127.0.0.1/healthz'.")]
    [InlineData("--url", "/healthz", "--url must be an absolute http:// or https:// URL, not '/healthz'.")]
    [InlineData("--timeout", "0", "--timeout must be more than 0 and at most 300 seconds.")]
    [InlineData("--timeout", "301", "--timeout must be more than 0 and at most 300 seconds.")]
    public async Task Invalid_options_are_refused_before_any_request(string option, string value, string message)
    {
        var outcome = await RunAsync(option, value);
        Assert.NotEqual(HealthCommand.Healthy, outcome.ExitCode);
        Assert.Contains(message, outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Relay_binary_exits_with_the_health_of_the_relay()
    {
        await using var server = await HealthServer.StartAsync();
        var relay = Path.Combine(AppContext.BaseDirectory, "relay.dll");
        var healthy = await ExternalTool.RunAsync("dotnet", [relay, "health", "--url", server.BaseAddress + "/healthz"]);
        Assert.True(healthy.ExitCode == 0, healthy.Both);
        server.IsHealthy = false;
        var unhealthy = await ExternalTool.RunAsync("dotnet", [relay, "health", "--url", server.BaseAddress + "/healthz"]);
        Assert.Equal(1, unhealthy.ExitCode);
        Assert.Contains("answered 503", unhealthy.Error, StringComparison.Ordinal);
    }
}
