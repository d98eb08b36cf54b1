using System.Diagnostics;
using System.Diagnostics.Metrics;
using static PodDefaults.Webhook.Telemetry.TelemetryNames;

namespace PodDefaults.Webhook.Telemetry;

/// <summary>
/// What a listing and watching PodDefault source (the cluster source) reports: a span per LIST and per WATCH
/// connection, and counters of relists and watch restarts. A singleton of the host; the source calls it from its loop.
/// </summary>
public sealed class SourceTelemetry
{
    private readonly Counter<long> relists;
    private readonly Counter<long> watchRestarts;

    public SourceTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(Source, WebhookActivitySource.Instance.Version);
        relists = meter.CreateCounter<long>(Metrics.Relists, "{list}", "LISTs after the first: the watch's resourceVersion expired (410)");
        watchRestarts = meter.CreateCounter<long>(Metrics.WatchRestarts, "{watch}", "Watches opened again after one ended, dropped or hung");
    }

    /// <summary>A LIST starts; <paramref name="relist"/> when it is not the first. Pass the span to <see cref="Listed"/> or <see cref="Failed"/>.</summary>
    public Activity? StartList(bool relist)
    {
        if (relist)
            relists.Add(1);
        var span = WebhookActivitySource.Instance.StartActivity(Spans.List, ActivityKind.Client, parentContext: default);
        span?.SetTag(Attributes.Relist, relist);
        return span;
    }

    /// <summary>The LIST completed with <paramref name="count"/> PodDefaults at <paramref name="resourceVersion"/>.</summary>
    public static void Listed(Activity? span, int count, string resourceVersion)
    {
        if (span is null)
            return;
        span.SetTag(Attributes.Count, count);
        span.SetTag(Attributes.ResourceVersion, resourceVersion);
        span.Dispose();
    }

    /// <summary>A WATCH opens from <paramref name="resourceVersion"/>; <paramref name="resumed"/> when it replaces one that ended.</summary>
    public Activity? StartWatch(string resourceVersion, bool resumed)
    {
        if (resumed)
            watchRestarts.Add(1);
        var span = WebhookActivitySource.Instance.StartActivity(Spans.Watch, ActivityKind.Client, parentContext: default);
        span?.SetTag(Attributes.ResourceVersion, resourceVersion);
        span?.SetTag(Attributes.Resumed, resumed);
        return span;
    }

    /// <summary>The WATCH ended (by the server's timeout, or a drop) after <paramref name="events"/> lines.</summary>
    public static void WatchEnded(Activity? span, int events)
    {
        span?.SetTag(Attributes.Count, events);
        span?.Dispose();
    }

    /// <summary>The LIST or WATCH failed; <paramref name="reason"/> must not hold secret material (no tokens, no bodies).</summary>
    public static void Failed(Activity? span, string reason)
    {
        if (span is null)
            return;
        span.SetTag(Attributes.ErrorType, reason);
        span.SetStatus(ActivityStatusCode.Error, reason);
        span.Dispose();
    }
}
