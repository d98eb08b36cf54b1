using Microsoft.Extensions.Logging.Console;

namespace PodDefaults.Webhook.Telemetry;

/// <summary>How log lines are written to stdout (<c>--log-format</c>).</summary>
public enum LogFormat
{
    /// <summary>One JSON object a line, for a collector: timestamp, level, event id, message, state, trace and span ids.</summary>
    Json,

    /// <summary>One line per message for a person: RFC 3339 UTC timestamp, level, category and event id, message.</summary>
    Text,
}

/// <summary>The console logger of <c>serve</c>: the format and minimum level asked for, UTC timestamps in both formats.</summary>
public static class ConsoleLogging
{
    /// <summary>RFC 3339 in UTC, to the millisecond.</summary>
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>Text when a person is watching (stdout is a terminal), JSON when something collects it.</summary>
    public static LogFormat DefaultFormat => Console.IsOutputRedirected ? LogFormat.Json : LogFormat.Text;

    public static ILoggingBuilder AddWebhookConsole(this ILoggingBuilder logging, LogFormat format, LogLevel minimumLevel)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(minimumLevel);
        if (format == LogFormat.Json)
        {
            logging.AddJsonConsole(json =>
            {
                json.UseUtcTimestamp = true;
                json.TimestampFormat = TimestampFormat;
                // The trace and span ids of the admission's span (ActivityTrackingOptions) come as a scope.
                json.IncludeScopes = true;
            });
        }
        else
        {
            logging.AddSimpleConsole(text =>
            {
                text.UseUtcTimestamp = true;
                text.TimestampFormat = TimestampFormat + " ";
                text.SingleLine = true;
                text.IncludeScopes = false;
                text.ColorBehavior = LoggerColorBehavior.Default;
            });
        }
        return logging;
    }
}
