namespace PodDefaults.Webhook.Telemetry;

/// <summary>
/// ASP.NET Core logs two Information lines for every request ("Request starting", "Request finished"): on a
/// webhook called for every pod, that is most of the log volume and a good part of the cost of a request. The
/// admission lines say more, so ASP.NET Core's own lines start at Warning.
/// </summary>
public static class LogLevelDefaults
{
    public static ILoggingBuilder AddWebhookLogLevels(this ILoggingBuilder logging)
    {
        // First in the list: a rule from configuration for the same category (Logging__LogLevel__Microsoft.AspNetCore)
        // comes later and wins, so an SRE can still turn the request lines back on.
        logging.Services.Configure<LoggerFilterOptions>(filters =>
            filters.Rules.Insert(0, new LoggerFilterRule(providerName: null, categoryName: "Microsoft.AspNetCore", LogLevel.Warning, filter: null)));
        return logging;
    }
}
