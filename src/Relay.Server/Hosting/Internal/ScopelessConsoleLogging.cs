using Microsoft.Extensions.Logging.Console;

namespace Relay.Server.Hosting.Internal;

/// <summary>
/// Console logging without log scopes. Kestrel opens a scope for every connection and keeps it (with the execution
/// context that carries it) for the connection's whole life, hours for a WebSocket; our console format never prints
/// scopes. A logger provider that does not offer <see cref="ISupportExternalScope"/> makes the logger factory skip
/// them, so the console provider is registered behind a wrapper that hides it.
/// </summary>
internal static class ScopelessConsoleLogging
{
    /// <summary>Adds the simple console logger, without scopes.</summary>
    public static ILoggingBuilder AddScopelessSimpleConsole(this ILoggingBuilder logging)
    {
        logging.AddSimpleConsole();
        var console = logging.Services.Single(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider));
        logging.Services.Remove(console);
        logging.Services.AddSingleton<ILoggerProvider>(sp => new Provider(ActivatorUtilities.CreateInstance<ConsoleLoggerProvider>(sp)));
        return logging;
    }

    private sealed class Provider(ILoggerProvider console) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => console.CreateLogger(categoryName);

        public void Dispose() => console.Dispose();
    }
}
