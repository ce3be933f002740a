using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ThreadClient.Tests.Infrastructure;

/// <summary>One log entry as written: level, event, category, formatted message and the exception's full text.</summary>
public sealed record LogEntry(LogLevel Level, EventId EventId, string Category, string Message, string? Exception);

/// <summary>A logger factory that keeps every entry at every level, for assertions.</summary>
public sealed class CapturingLoggerFactory : ILoggerFactory
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue(new LogEntry(logLevel, eventId, category, formatter(state, exception), exception?.ToString()));
    }
}
