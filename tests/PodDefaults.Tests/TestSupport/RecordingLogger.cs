using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PodDefaults.Tests.TestSupport;

/// <summary>Keeps every log entry, to assert that a skip, a retry or a warning was reported and how.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<(LogLevel Level, EventId Id, string Message)> entries = new();

    public IReadOnlyList<(LogLevel Level, EventId Id, string Message)> Entries => [.. entries];

    public IEnumerable<string> Messages(LogLevel level) => Entries.Where(e => e.Level == level).Select(e => e.Message);

    public IEnumerable<string> Warnings => Messages(LogLevel.Warning);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        entries.Enqueue((logLevel, eventId, formatter(state, exception)));
}
