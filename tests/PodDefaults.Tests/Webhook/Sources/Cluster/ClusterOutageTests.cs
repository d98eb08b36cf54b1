using Microsoft.Extensions.Logging;
using PodDefaults.ApiServerStandIn;

namespace PodDefaults.Tests.Webhook.Sources.Cluster;

public sealed class ClusterOutageTests
{
    [Fact]
    public async Task Api_server_down_at_startup_keeps_readyz_false_then_ready_once_it_is_up()
    {
        await using var server = StandInApiServer.CreateStopped();
        server.Store.Put(PodDefaultObjects.Env("team", "a", "app", "A", "1"));
        await using var source = new SourceUnderTest(server);

        await Eventually.TrueAsync(() => source.Source.Counters.Failures >= 3, "several failed attempts");
        Assert.False(source.Status.IsReady);
        Assert.Equal(0, source.Current.Generation);
        Assert.Contains(source.Logger.Messages(LogLevel.Warning), m => m.Contains("Not ready"));

        await server.StartAsync();
        await source.ConvergedAsync();
        await Eventually.EqualAsync(true, () => source.Status.IsReady, "ready");
    }

    [Fact]
    public async Task Outage_after_ready_keeps_serving_the_last_snapshot_while_staleness_grows()
    {
        await using var server = await StandInApiServer.StartAsync();
        await using var source = await SourceUnderTest.ListedAsync(server, PodDefaultObjects.Env("team", "a", "app", "A", "1"));
        var served = source.Current;

        await server.StopAsync();
        var failures = source.Source.Counters.Failures;
        await Eventually.TrueAsync(() => source.Source.Counters.Failures >= failures + 3, "failed reconnects");
        var stale = source.Status.Staleness;
        source.Clock.Advance(TimeSpan.FromMinutes(7));
        await Eventually.TrueAsync(() => source.Source.Counters.Failures >= failures + 6, "more failed reconnects");

        Assert.True(source.Status.IsReady);
        Assert.Same(served, source.Current);
        Assert.True(source.Status.Staleness >= stale + TimeSpan.FromMinutes(7));
        Assert.Contains(source.Logger.Messages(LogLevel.Warning), m => m.Contains("in sync 00:07:"));

        // Back up with a change made during the outage: the watch resumes and catches up.
        server.Store.Put(PodDefaultObjects.Env("team", "during-outage", "app", "B", "1"));
        await server.StartAsync();
        await source.ConvergedAsync();
        await Eventually.TrueAsync(() => source.Status.Staleness < TimeSpan.FromMinutes(1), "in sync again");
    }

    [Fact]
    public async Task Watch_answered_with_5xx_is_retried_from_the_same_version()
    {
        await using var server = await StandInApiServer.StartAsync();
        server.Inject(new Fault(FaultTarget.Watch, FaultKind.Status, Code: 500));
        server.Inject(new Fault(FaultTarget.Watch, FaultKind.Status, Code: 503));
        server.Inject(new Fault(FaultTarget.Watch, FaultKind.Abort));
        await using var source = new SourceUnderTest(server);
        await Eventually.TrueAsync(() => server.Store.OpenWatches == 1, "a watch that stays open");

        server.Store.Put(PodDefaultObjects.Env("team", "a", "app", "A", "1"));
        await source.ConvergedAsync();

        Assert.Equal(4, server.Watches.Count);
        Assert.Single(server.Watches.Select(w => w.ResourceVersion).Distinct());
        Assert.Single(server.Lists);
        Assert.Equal(3, source.Source.Counters.Failures);
    }

    [Fact]
    public async Task Slow_answers_are_waited_for()
    {
        await using var server = await StandInApiServer.StartAsync();
        server.Store.Put(PodDefaultObjects.Env("team", "a", "app", "A", "1"));
        server.Inject(new Fault(FaultTarget.List, FaultKind.Slow, Delay: TimeSpan.FromMilliseconds(300)));
        server.Inject(new Fault(FaultTarget.Watch, FaultKind.Slow, Delay: TimeSpan.FromMilliseconds(300)));
        await using var source = await SourceUnderTest.WatchingAsync(server);

        server.Store.Put(PodDefaultObjects.Env("team", "b", "app", "B", "1"));
        await source.ConvergedAsync();
        Assert.Equal(0, source.Source.Counters.Failures);
    }
}
