using System.Diagnostics;
using static PodDefaults.Webhook.Telemetry.TelemetryNames;

namespace PodDefaults.Webhook.Telemetry;

/// <summary>
/// The spans of a listing and watching source (the cluster source): one per LIST, relists marked, and one per WATCH
/// connection, reconnects marked. Each span is ended by exactly one of <see cref="Listed"/>, <see cref="WatchEnded"/>
/// or <see cref="Failed"/>. Without a listener every call is a null check.
/// </summary>
public static class SourceTelemetry
{
    /// <param name="relist">Not the first LIST: the watch's resourceVersion expired (410).</param>
    public static Activity? StartList(bool relist)
    {
        var span = Start(Spans.List);
        span?.SetTag(Attributes.Relist, relist);
        return span;
    }

    public static void Listed(Activity? span, int count, string resourceVersion)
    {
        span?.SetTag(Attributes.Count, count);
        span?.SetTag(Attributes.ResourceVersion, resourceVersion);
        span?.Dispose();
    }

    /// <param name="resumed">It replaces a watch that ended, dropped or hung (a reconnect).</param>
    public static Activity? StartWatch(string resourceVersion, bool resumed)
    {
        var span = Start(Spans.Watch);
        span?.SetTag(Attributes.ResourceVersion, resourceVersion);
        span?.SetTag(Attributes.Resumed, resumed);
        return span;
    }

    /// <summary>The server closed the watch (its timeout, or after events) after <paramref name="lines"/> lines.</summary>
    public static void WatchEnded(Activity? span, int lines)
    {
        span?.SetTag(Attributes.Count, lines);
        span?.Dispose();
    }

    /// <summary>The LIST or WATCH failed or expired; <paramref name="reason"/> must hold no secret (no token, no body).</summary>
    public static void Failed(Activity? span, string reason)
    {
        span?.SetTag(Attributes.ErrorType, reason);
        span?.SetStatus(ActivityStatusCode.Error, reason);
        span?.Dispose();
    }

    /// <summary>A root span: the loop's spans are not each other's children, whatever is current.</summary>
    private static Activity? Start(string name)
    {
        var source = WebhookActivitySource.Instance;
        if (!source.HasListeners())
            return null;
        Activity.Current = null;
        return source.StartActivity(name, ActivityKind.Client);
    }
}
