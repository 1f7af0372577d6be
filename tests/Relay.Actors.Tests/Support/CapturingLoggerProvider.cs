using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Relay.Actors.Tests.Support;

/// <summary>Keeps every log entry, for assertions on what the kernel logs.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public sealed record Entry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception);

    public ConcurrentQueue<Entry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>Waits (bounded) for an entry matching <paramref name="match"/>.</summary>
    public async Task<Entry> WaitFor(Func<Entry, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (DateTime.UtcNow < deadline)
        {
            var found = Entries.FirstOrDefault(match);
            if (found is not null) return found;
            await Task.Delay(10);
        }
        throw new TimeoutException("No matching log entry; got: " + string.Join(" | ", Entries.Select(e => e.Message)));
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue(new Entry(category, logLevel, eventId, formatter(state, exception), exception));
    }
}
