using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ThreadClient.Tests.Infrastructure;

/// <summary>
/// An <see cref="ILoggerFactory"/> whose loggers are Microsoft's <see cref="FakeLogger"/>s, every level on:
/// pass it where the SDK takes a logger factory, then assert on <see cref="Entries"/> (the
/// <see cref="FakeLogCollector"/>'s records: level, event id, category, formatted message, exception).
/// </summary>
public sealed class FakeLogs : ILoggerFactory
{
    private readonly ILoggerFactory _factory;

    public FakeLogs()
    {
        _factory = LoggerFactory.Create(builder => builder.AddProvider(new FakeLoggerProvider(Collector)).SetMinimumLevel(LogLevel.Trace));
    }

    public FakeLogCollector Collector { get; } = new();

    /// <summary>Every record so far, in order.</summary>
    public IReadOnlyList<FakeLogRecord> Entries => Collector.GetSnapshot();

    public ILogger CreateLogger(string categoryName) => _factory.CreateLogger(categoryName);

    public void AddProvider(ILoggerProvider provider) => _factory.AddProvider(provider);

    public void Dispose() => _factory.Dispose();
}
