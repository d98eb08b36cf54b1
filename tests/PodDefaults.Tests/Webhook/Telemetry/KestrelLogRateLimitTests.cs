using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PodDefaults.Tests.Webhook.Sources.Cluster;
using PodDefaults.Webhook.Telemetry;

namespace PodDefaults.Tests.Webhook.Telemetry;

/// <summary>
/// An HTTP/2 rapid reset made Kestrel write about 60 Critical and Error lines per attack. Kestrel's categories now
/// share a budget per interval, and what goes over it is reported by one summary line with the count.
/// </summary>
public sealed class KestrelLogRateLimitTests
{
    [Fact]
    public void The_limiter_lets_the_budget_through_then_counts_and_reports_the_rest_once()
    {
        var clock = new AdjustableClock();
        var limiter = new LogRateLimiter(3, TimeSpan.FromSeconds(10), clock);

        var let = Enumerable.Range(0, 60).Count(_ => limiter.TryWrite(out var before) && before == 0);
        Assert.Equal(3, let);

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(limiter.TryWrite(out var suppressed));
        Assert.Equal(57, suppressed);
        Assert.True(limiter.TryWrite(out suppressed));
        Assert.Equal(0, suppressed); // reported once
    }

    [Fact]
    public async Task The_served_host_limits_Kestrel_categories_and_leaves_the_others_alone()
    {
        var recorded = new RecordingProvider();
        await using var webhook = await WebhookTestServer.StartAsync(_ => { }, configure: builder => builder.Logging.AddProvider(recorded));
        var factory = webhook.Services.GetRequiredService<ILoggerFactory>();

        var kestrel = factory.CreateLogger("Microsoft.AspNetCore.Server.Kestrel.Http2");
        var connections = factory.CreateLogger("Microsoft.AspNetCore.Server.Kestrel.Connections");
        var ours = factory.CreateLogger("PodDefaults.Webhook.Test");
        for (var i = 0; i < 60; i++)
        {
            kestrel.LogCritical(new EventId(60, "Http2QueueOperationsExceeded"), "Connection id \"{Id}\" exceeded the output operations maximum queue size.", i);
            connections.LogError("Connection {Id} failed", i);
            ours.LogWarning("line {Id}", i);
        }

        var kestrelLines = recorded.Lines.Count(l => l.Category.StartsWith(KestrelLogRateLimit.CategoryPrefix, StringComparison.Ordinal));
        Assert.Equal(KestrelLogRateLimit.LinesPerInterval, kestrelLines);
        Assert.Equal(60, recorded.Lines.Count(l => l.Category == "PodDefaults.Webhook.Test"));
    }

    private sealed class RecordingProvider : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, Lines);

        public void Dispose()
        {
        }

        private sealed class Recorder(string category, ConcurrentQueue<(string, LogLevel, string)> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }
}
