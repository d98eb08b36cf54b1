
namespace PodDefaults.Webhook.Telemetry;

/// <summary>
/// Bounds what Kestrel logs per connection under attack. An HTTP/2 rapid reset writes dozens of Critical and Error
/// lines per attack (Kestrel's <c>Http2QueueOperationsExceeded</c>, event 60 in <c>Microsoft.AspNetCore.Server.Kestrel.Http2</c>,
/// and the aborted requests' lines in <c>Microsoft.AspNetCore.Server.Kestrel</c>), which floods the log an SRE
/// reads and the pipeline that ships it. Every Kestrel category shares one budget of
/// <see cref="LinesPerInterval"/> lines per <see cref="Interval"/>; past it, lines are counted, and the first
/// line of the next interval is preceded by one summary with the count.
/// </summary>
public static class KestrelLogRateLimit
{
    public const string CategoryPrefix = "Microsoft.AspNetCore.Server.Kestrel";

    public const int LinesPerInterval = 10;

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    /// <summary>Puts the limit in front of the host's logger factory, for the Kestrel categories only.</summary>
    public static ILoggingBuilder AddKestrelLogRateLimit(this ILoggingBuilder logging)
    {
        var services = logging.Services;
        var descriptor = services.LastOrDefault(d => d.ServiceType == typeof(ILoggerFactory));
        if (descriptor is null || descriptor.ImplementationType != typeof(LoggerFactory))
            return logging; // already in place, or a factory this does not know how to wrap
        services.Remove(descriptor);
        services.AddSingleton<LoggerFactory>();
        services.AddSingleton<ILoggerFactory>(provider => new RateLimitedLoggerFactory(
            provider.GetRequiredService<LoggerFactory>(), new LogRateLimiter(LinesPerInterval, Interval, TimeProvider.System)));
        return logging;
    }
}
