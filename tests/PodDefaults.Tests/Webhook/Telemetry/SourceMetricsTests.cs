using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using PodDefaults.Webhook.Sources;
using PodDefaults.Webhook.Sources.Files;
using PodDefaults.Webhook.Telemetry;

namespace PodDefaults.Tests.Webhook.Telemetry;

/// <summary>The file source reports its failures and skips under the same metric names as the cluster source.</summary>
public sealed class SourceMetricsTests
{
    [Fact]
    public void The_file_sources_failures_and_skips_are_the_source_counters()
    {
        var folder = Directory.CreateTempSubdirectory("source-metrics");
        try
        {
            var source = new FilePodDefaultSource(new DefaultsPath(folder.FullName), new SnapshotHolder(), new SourceStatus(TimeProvider.System),
                NullLogger<FilePodDefaultSource>.Instance, Timeout.InfiniteTimeSpan);
            using var meter = new Meter($"test-{Guid.NewGuid()}");
            SourceMetrics.Observe(meter, source);
            source.Counters.CountFailure();
            source.Counters.CountProblems(2);
            source.Counters.CountUnreadable();

            var seen = new Dictionary<string, long>();
            using var listener = new MeterListener();
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter == meter)
                    l.EnableMeasurementEvents(instrument);
            };
            listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => seen[instrument.Name] = value);
            listener.Start();
            listener.RecordObservableInstruments();

            Assert.Equal(1, seen[TelemetryNames.Metrics.SourceFailures]);
            Assert.Equal(3, seen[TelemetryNames.Metrics.SourceSkipped]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
