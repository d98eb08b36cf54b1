namespace PodDefaults.Webhook.Telemetry;

/// <summary>
/// ASP.NET Core logs two Information lines for every request ("Request starting", "Request finished"): on a
/// webhook called for every pod, that is most of the log volume and a good part of the cost of a request. The
/// admission lines say more, so ASP.NET Core's own lines start at Warning, and its request lines are off: while
/// their category is enabled at any level, ASP.NET Core starts an <see cref="System.Diagnostics.Activity"/> for every
/// request (820 of 1,300 bytes a request allocated, docs/performance.md), which nothing here exports.
/// </summary>
public static class LogLevelDefaults
{
    /// <summary>ASP.NET Core's per-request lines; startup failures reach the log through the host's own category.</summary>
    public const string RequestLinesCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static ILoggingBuilder AddWebhookLogLevels(this ILoggingBuilder logging)
    {
        // First in the list: a rule from configuration for the same category comes later and wins, so an SRE can
        // still turn the request lines back on (Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics=Information).
        logging.Services.Configure<LoggerFilterOptions>(filters =>
        {
            filters.Rules.Insert(0, new LoggerFilterRule(providerName: null, categoryName: "Microsoft.AspNetCore", LogLevel.Warning, filter: null));
            filters.Rules.Insert(1, new LoggerFilterRule(providerName: null, categoryName: RequestLinesCategory, LogLevel.None, filter: null));
        });
        return logging;
    }
}
