
namespace PodDefaults.Webhook.Telemetry;

/// <summary>The host's logger factory, with Kestrel's categories behind one <see cref="LogRateLimiter"/>.</summary>
internal sealed partial class RateLimitedLoggerFactory(LoggerFactory inner, LogRateLimiter limiter) : ILoggerFactory
{
    private readonly ILogger summary = inner.CreateLogger(typeof(KestrelLogRateLimit).FullName!);

    public ILogger CreateLogger(string categoryName)
    {
        var logger = inner.CreateLogger(categoryName);
        return categoryName.StartsWith(KestrelLogRateLimit.CategoryPrefix, StringComparison.Ordinal)
            ? new RateLimitedLogger(logger, this)
            : logger;
    }

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    /// <summary>The container made <see cref="LoggerFactory"/> and disposes it; nothing of this one's own to release.</summary>
    public void Dispose()
    {
    }

    private bool TryWrite()
    {
        if (!limiter.TryWrite(out var suppressedBefore))
            return false;
        if (suppressedBefore > 0)
            LogSuppressed(summary, suppressedBefore, limiter.Interval);
        return true;
    }

    [LoggerMessage(EventId = LogEvents.ServerKestrelLinesSuppressed, Level = LogLevel.Warning,
        Message = "Suppressed {Count} Kestrel log lines in the last {Interval} (over the limit; many connection errors at once, e.g. an HTTP/2 rapid reset)")]
    private static partial void LogSuppressed(ILogger logger, long count, TimeSpan interval);

    private sealed class RateLimitedLogger(ILogger inner, RateLimitedLoggerFactory factory) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // Only lines that would be written use up the budget: filtered-out Debug lines cost nothing.
            if (inner.IsEnabled(logLevel) && factory.TryWrite())
                inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
