using System.Diagnostics.Metrics;
using PodDefaults.Core.Admission;
using PodDefaults.Core.Selection;
using PodDefaults.Webhook.Sources;
using static PodDefaults.Webhook.Telemetry.TelemetryNames;

namespace PodDefaults.Webhook.Telemetry;

/// <summary>
/// The admission and snapshot instruments. Without a listener (no OTLP endpoint) every recording is one check of
/// <see cref="Instrument.Enabled"/> and the gauges are never read.
/// </summary>
internal sealed class WebhookMetrics
{
    /// <summary>
    /// Seconds. Fine at the bottom, where an admission usually ends (tens of microseconds), and at the top the API
    /// server's own webhook latency buckets (5 ms to 10 s), so both sides of a slow call line up.
    /// </summary>
    public static readonly double[] DurationBuckets =
        [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Histogram<double> duration;
    private readonly Counter<long> reviews;
    private readonly Counter<long> patches;
    private readonly Counter<long> conflicts;
    private readonly Counter<long> invalidPodDefaults;

    public WebhookMetrics(IMeterFactory meters, SnapshotHolder snapshots, SourceStatus status, IPodDefaultSource source)
    {
        var meter = meters.Create(Source, WebhookActivitySource.Instance.Version);
        duration = meter.CreateHistogram(Metrics.AdmissionDuration, "s", "Time from the request to the written AdmissionReview response, by outcome",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        reviews = meter.CreateCounter<long>(Metrics.Reviews, "{review}", "Admission requests answered, by outcome");
        patches = meter.CreateCounter<long>(Metrics.Patches, "{patch}", "Admissions answered with a JSON Patch");
        conflicts = meter.CreateCounter<long>(Metrics.Conflicts, "{conflict}", "Conflicts found (one rejected pod can have several)");
        invalidPodDefaults = meter.CreateCounter<long>(Metrics.InvalidPodDefaults, "{poddefault}", "PodDefaults skipped in an admission because their selector is unusable");
        meter.CreateObservableGauge(Metrics.SnapshotPodDefaults, () => snapshots.Current.Count, "{poddefault}", "PodDefaults in the snapshot being served");
        meter.CreateObservableGauge(Metrics.SnapshotAge, () => status.Staleness.TotalSeconds, "s", "Time since the source last confirmed the snapshot is current");
        meter.CreateObservableGauge(Metrics.SnapshotGeneration, () => snapshots.Current.Generation, "{generation}", "Generation of the snapshot being served");
        SourceMetrics.Observe(meter, source);
    }

    /// <summary>What the engine decided: counts patches, conflicts and skipped invalid PodDefaults.</summary>
    public void Decided(Admission admission)
    {
        if (admission.Outcome == AdmissionOutcome.Patched)
            patches.Add(1);
        if (admission.ConflictsFound() is { Count: > 0 } found)
            conflicts.Add(found.Count);
        if (admission.Selection.SkippedCount > 0)
            invalidPodDefaults.Add(admission.Selection.SkippedCount);
    }

    /// <summary>One answered request: its duration and its outcome.</summary>
    public void Answered(string outcome, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>(Attributes.Outcome, outcome);
        duration.Record(elapsed.TotalSeconds, tag);
        reviews.Add(1, tag);
    }
}
