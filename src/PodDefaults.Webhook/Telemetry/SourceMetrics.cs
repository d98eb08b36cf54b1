using System.Diagnostics.Metrics;
using PodDefaults.Webhook.Sources;
using PodDefaults.Webhook.Sources.Cluster;
using PodDefaults.Webhook.Sources.Files;
using static PodDefaults.Webhook.Telemetry.TelemetryNames;

namespace PodDefaults.Webhook.Telemetry;

/// <summary>
/// The source's totals as counters, read from its <see cref="ClusterSourceCounters"/> or <see cref="FileSourceCounters"/>
/// when exported. Both sources report failures and skips under the same two names, so one alert serves either.
/// </summary>
internal static class SourceMetrics
{
    public static void Observe(Meter meter, IPodDefaultSource source)
    {
        if (source is FilePodDefaultSource files)
        {
            ObserveFiles(meter, files.Counters);
            return;
        }
        if (source is not ClusterPodDefaultSource cluster)
            return;
        var counters = cluster.Counters;
        meter.CreateObservableCounter(Metrics.Relists, () => counters.Relists, "{list}", "LISTs after the first: the watch's resourceVersion expired (410)");
        meter.CreateObservableCounter(Metrics.WatchRestarts, () => counters.WatchRestarts, "{watch}", "Watches opened again after one ended, dropped or hung");
        meter.CreateObservableCounter(Metrics.SourceFailures, () => counters.Failures, "{failure}", "LISTs and WATCHes that failed and were retried after a backoff");
        meter.CreateObservableCounter(Metrics.SourceSkipped, () => counters.Skipped, "{object}", "Listed or watched objects and watch lines skipped because they could not be read or applied (each logged)");
    }

    private static void ObserveFiles(Meter meter, FileSourceCounters counters)
    {
        meter.CreateObservableCounter(Metrics.SourceFailures, () => counters.Failures, "{failure}", "Reloads of the PodDefault files that failed as a whole; the last snapshot stayed");
        meter.CreateObservableCounter(Metrics.SourceSkipped, () => counters.Problems + counters.Unreadable, "{object}", "Documents and files skipped because they could not be read or validated, and folders or entries that became unreadable (each logged)");
    }
}
