using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Relay.Server.Hosting.Internal;

namespace Relay.Server.Tests.Hosting;

public sealed class ScopelessConsoleLoggingTests
{
    private sealed class OtherProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => throw new NotSupportedException();

        public void Dispose()
        {
        }
    }

    [Fact]
    public void The_console_provider_is_registered_without_external_scopes_and_other_providers_stay()
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.Services.AddSingleton<ILoggerProvider, OtherProvider>();
            logging.AddScopelessSimpleConsole();
        });
        using var provider = services.BuildServiceProvider();

        var providers = provider.GetServices<ILoggerProvider>().ToList();

        Assert.Equal(2, providers.Count);
        Assert.Single(providers.OfType<OtherProvider>());
        var console = Assert.Single(providers, p => p is not OtherProvider);
        // Without ISupportExternalScope the factory keeps no scope stack: Kestrel's per-connection scope costs nothing.
        Assert.False(console is ISupportExternalScope);
        Assert.Equal("ConsoleLogger", console.CreateLogger("test").GetType().Name);
    }
}
