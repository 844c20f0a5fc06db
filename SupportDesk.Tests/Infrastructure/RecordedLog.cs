using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SupportDesk.Tests.Infrastructure;

/// <summary>Keeps every log entry written through it, for tests that check what a background job reported.</summary>
public sealed class RecordedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<RecordedEntry> entries = new();

    public IReadOnlyList<RecordedEntry> Entries => [.. entries];

    /// <summary>The entries of one category (a class's full name, as <c>ILogger&lt;T&gt;</c> names it).</summary>
    public IReadOnlyList<RecordedEntry> Of<T>() => [.. entries.Where(e => e.Category == typeof(T).FullName)];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<RecordedEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new RecordedEntry(category, logLevel, formatter(state, exception), exception));
    }
}

public sealed record RecordedEntry(string Category, LogLevel Level, string Message, Exception? Exception);
