using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using PodDefaults.ApiServerStandIn;
using PodDefaults.Tests.Webhook.Sources.Cluster;
using PodDefaults.Webhook.Telemetry;
using static PodDefaults.Webhook.Telemetry.TelemetryNames;

namespace PodDefaults.Tests.Webhook.Telemetry;

/// <summary>
/// The cluster source's loop as spans: each LIST (relists marked) and each WATCH connection (reconnects marked),
/// against the stand-in API server. Alone in its collection: an ActivityListener hears every source in the process.
/// </summary>
[Collection(nameof(SourceSpansTests))]
[CollectionDefinition(nameof(SourceSpansTests), DisableParallelization = true)]
public sealed class SourceSpansTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> ended = new();
    private readonly ActivityListener listener;

    public SourceSpansTests()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TelemetryNames.Source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => ended.Enqueue(activity),
        };
        ActivitySource.AddActivityListener(listener);
    }

    [Fact]
    public async Task Lists_relists_and_reconnects_are_spans()
    {
        await using var server = await StandInApiServer.StartAsync();
        foreach (var name in new[] { "a", "b" })
            server.Store.Put(PodDefaultObjects.Env("team", name, "app", name.ToUpperInvariant(), "1"));
        await using var source = new SourceUnderTest(server);
        await source.ConvergedAsync("initial list");
        await Eventually.TrueAsync(() => server.Store.OpenWatches == 1, "watch open");

        server.DropWatches();
        await Eventually.TrueAsync(() => Ended(TelemetryNames.Spans.Watch).Count() == 1, "the dropped watch ended");
        await Eventually.TrueAsync(() => server.Store.OpenWatches == 1, "watch reopened");
        server.ExpireWatches();
        await Eventually.TrueAsync(() => Ended(TelemetryNames.Spans.List).Count() == 2, "relisted");

        var lists = Ended(TelemetryNames.Spans.List).ToList();
        Assert.Equal([false, true], lists.Select(l => (bool)l.GetTagItem(Attributes.Relist)!));
        Assert.All(lists, l => Assert.Equal(2, l.GetTagItem(Attributes.Count)));
        Assert.All(lists, l => Assert.Equal(ActivityStatusCode.Unset, l.Status));

        var watches = Ended(TelemetryNames.Spans.Watch).ToList();
        Assert.Equal([false, true], watches.Select(w => (bool)w.GetTagItem(Attributes.Resumed)!));
        Assert.Equal(ActivityStatusCode.Error, watches[1].Status);
        Assert.Equal("expired", watches[1].GetTagItem(Attributes.ErrorType));
        Assert.All(lists.Concat(watches), span => Assert.Equal(default, span.ParentSpanId));

        var counted = Observe(source.Source);
        Assert.Equal(1, counted[TelemetryNames.Metrics.Relists]);
        Assert.Equal(1, counted[TelemetryNames.Metrics.WatchRestarts]);
    }

    /// <summary>The source's counters as <see cref="SourceMetrics"/> reports them, through a meter of this test's own.</summary>
    private static Dictionary<string, long> Observe(PodDefaults.Webhook.Sources.Cluster.ClusterPodDefaultSource source)
    {
        using var meter = new Meter($"test-{Guid.NewGuid()}");
        SourceMetrics.Observe(meter, source);
        var values = new Dictionary<string, long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter == meter)
                    l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => values[instrument.Name] = value);
        listener.Start();
        listener.RecordObservableInstruments();
        return values;
    }

    private IEnumerable<Activity> Ended(string name) => ended.Where(a => a.OperationName == name);

    public void Dispose() => listener.Dispose();
}
