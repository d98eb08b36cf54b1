using System.Diagnostics.Metrics;
using PodDefaults.Webhook.Sources;
using PodDefaults.Webhook.Sources.Cluster;
using static PodDefaults.Webhook.Telemetry.TelemetryNames;

namespace PodDefaults.Webhook.Telemetry;

/// <summary>The cluster source's totals as counters, read from its <see cref="ClusterSourceCounters"/> when exported.</summary>
internal static class SourceMetrics
{
    public static void Observe(Meter meter, IPodDefaultSource source)
    {
        if (source is not ClusterPodDefaultSource cluster)
            return;
        var counters = cluster.Counters;
        meter.CreateObservableCounter(Metrics.Relists, () => counters.Relists, "{list}", "LISTs after the first: the watch's resourceVersion expired (410)");
        meter.CreateObservableCounter(Metrics.WatchRestarts, () => counters.WatchRestarts, "{watch}", "Watches opened again after one ended, dropped or hung");
        meter.CreateObservableCounter(Metrics.SourceFailures, () => counters.Failures, "{failure}", "LISTs and WATCHes that failed and were retried after a backoff");
        meter.CreateObservableCounter(Metrics.SourceSkipped, () => counters.Skipped, "{object}", "Listed or watched objects and watch lines skipped because they could not be read or applied (each logged)");
    }
}
