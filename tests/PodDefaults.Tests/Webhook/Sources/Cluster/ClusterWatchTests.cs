using Microsoft.Extensions.Logging;
using PodDefaults.ApiServerStandIn;
using PodDefaults.Core.Fields;

namespace PodDefaults.Tests.Webhook.Sources.Cluster;

public sealed class ClusterWatchTests
{
    [Fact]
    public async Task Added_modified_and_deleted_events_each_publish_one_snapshot()
    {
        await using var server = await StandInApiServer.StartAsync();
        await using var source = await SourceUnderTest.WatchingAsync(server, PodDefaultObjects.Env("team", "kept", "app", "A", "1"), PodDefaultObjects.Env("team", "doomed", "app", "B", "1"));
        var listed = source.Published.Count;

        server.Store.Put(PodDefaultObjects.Env("other", "new", "app", "C", "1"));
        server.Store.Put(PodDefaultObjects.Env("team", "kept", "app", "A", "2"));
        server.Store.Delete("team", "doomed");
        await source.ConvergedAsync();

        Assert.Equal(["other/new", "team/kept"], SourceUnderTest.Describe(source.Current));
        Assert.Equal("2", source.Find("team", "kept")!.Spec[PodDefaultFields.Named("env")][0].Value.GetProperty("value").GetString());
        await Eventually.EqualAsync(listed + 3, () => source.Published.Count, "three publishes");
        await Eventually.EqualAsync(3L, () => source.Source.Counters.EventsApplied, "three events applied");
        await Eventually.EqualAsync(server.Store.ResourceVersion.ToString(), () => source.Source.ResourceVersion, "last version");
    }

    [Fact]
    public async Task Reconnect_after_a_bookmark_resumes_from_the_bookmark_version()
    {
        await using var server = await StandInApiServer.StartAsync();
        await using var source = await SourceUnderTest.WatchingAsync(server, PodDefaultObjects.Env("team", "a", "app", "A", "1"));

        // Writes to other resources move the shared resourceVersion; the bookmark carries it to this watch.
        var bookmarked = server.Store.AdvanceResourceVersion(40);
        server.Store.Bookmark();
        await Eventually.TrueAsync(() => source.Source.ResourceVersion == bookmarked.ToString(), "bookmark applied");
        server.DropWatches();
        await Eventually.TrueAsync(() => server.Watches.Count == 2, "second watch");

        Assert.Equal(bookmarked.ToString(), server.Watches[1].ResourceVersion);
        Assert.Equal(1, source.Source.Counters.WatchRestarts);
    }

    [Fact]
    public async Task Connection_dropped_in_the_middle_of_an_event_resumes_from_the_last_version_seen()
    {
        await using var server = await StandInApiServer.StartAsync();
        await using var source = await SourceUnderTest.WatchingAsync(server, PodDefaultObjects.Env("team", "a", "app", "A", "1"));
        var before = server.Store.ResourceVersion.ToString();

        server.EventFaults.DropNext();
        server.Store.Put(PodDefaultObjects.Env("team", "b", "app", "B", "1"));
        await source.ConvergedAsync("the cut event, replayed");

        Assert.Equal(before, server.Watches[1].ResourceVersion);
        await Eventually.EqualAsync(1L, () => source.Source.Counters.EventsApplied, "one event"); // the half line was never applied
    }

    [Fact]
    public async Task Event_split_across_writes_inside_a_multibyte_character_is_read_whole()
    {
        await using var server = await StandInApiServer.StartAsync();
        await using var source = new SourceUnderTest(server);
        await Eventually.TrueAsync(() => server.Store.OpenWatches == 1, "watch open");

        server.EventFaults.SplitNext(TimeSpan.FromMilliseconds(300));
        server.Store.Put(PodDefaultObjects.Env("team", "accent", "app", "A", "héllo wörld"));
        await source.ConvergedAsync();

        Assert.Equal(0, server.EventFaults.Pending);
        Assert.Equal("héllo wörld", source.Find("team", "accent")!.Spec[PodDefaultFields.Named("env")][0].Value.GetProperty("value").GetString());
        Assert.Single(server.Watches); // read whole, not as a broken stream
    }

    [Fact]
    public async Task Event_larger_than_the_read_buffers_is_applied()
    {
        await using var server = await StandInApiServer.StartAsync();
        await using var source = new SourceUnderTest(server);
        await Eventually.TrueAsync(() => server.Store.OpenWatches == 1, "watch open");

        var big = new string('x', 2 * 1024 * 1024);
        server.Store.Put(PodDefaultObjects.Env("team", "big", "app", "A", big));
        await source.ConvergedAsync();

        Assert.Equal(big.Length, source.Find("team", "big")!.Spec[PodDefaultFields.Named("env")][0].Value.GetProperty("value").GetString()!.Length);
    }

    [Fact]
    public async Task Malformed_lines_are_skipped_and_later_events_still_apply_on_the_same_watch()
    {
        await using var server = await StandInApiServer.StartAsync();
        await using var source = new SourceUnderTest(server);
        await Eventually.TrueAsync(() => server.Store.OpenWatches == 1, "watch open");

        server.InjectLine("{\"type\":\"ADDED\",\"object\":{\"metadata\":");
        server.InjectLine("not json at all");
        server.InjectLine("{\"type\":\"SIDEWAYS\",\"object\":{}}");
        server.InjectLine("{\"type\":\"ADDED\"}");
        server.Store.Put(PodDefaultObjects.Env("team", "after", "app", "A", "1"));
        await source.ConvergedAsync();

        Assert.Single(server.Watches);
        Assert.Equal(4, source.Source.Counters.EventsSkipped);
        Assert.Contains(source.Logger.Messages(LogLevel.Warning), m => m.Contains("unknown event type \"SIDEWAYS\""));
    }

    [Fact]
    public async Task PodDefault_that_does_not_parse_is_skipped_and_a_modification_into_one_removes_it()
    {
        await using var server = await StandInApiServer.StartAsync();
        await using var source = await SourceUnderTest.WatchingAsync(server, PodDefaultObjects.Env("team", "turns-bad", "app", "A", "1"));

        server.Store.Put(PodDefaultObjects.Broken("team", "never-good"));
        server.Store.Put(PodDefaultObjects.Broken("team", "turns-bad"));
        server.Store.Put(PodDefaultObjects.Env("team", "later", "app", "B", "1"));
        await Eventually.TrueAsync(() => source.Find("team", "later") is not null, "later event applied");

        Assert.Equal(["team/later"], SourceUnderTest.Describe(source.Current));
        Assert.Equal(2, source.Source.Counters.EventsSkipped);
        Assert.Contains(source.Logger.Messages(LogLevel.Warning), m => m.Contains("team/never-good") && m.Contains("/spec/env"));
        Assert.Single(server.Watches);
    }

    [Fact]
    public async Task Watch_that_the_server_ends_cleanly_is_resumed_from_the_last_version()
    {
        await using var server = await StandInApiServer.StartAsync();
        await using var source = new SourceUnderTest(server);
        await Eventually.TrueAsync(() => server.Store.OpenWatches == 1, "watch open");
        server.Store.Put(PodDefaultObjects.Env("team", "a", "app", "A", "1"));
        await source.ConvergedAsync();
        var seen = server.Store.ResourceVersion.ToString();

        server.Store.Broadcast(new WatchMessage.End());
        await Eventually.TrueAsync(() => server.Watches.Count == 2, "second watch");

        Assert.Equal(seen, server.Watches[1].ResourceVersion);
        Assert.Single(server.Lists);
    }

    [Fact]
    public async Task Hung_watch_is_given_up_after_its_timeout_and_resumed()
    {
        await using var server = await StandInApiServer.StartAsync();
        server.Inject(new Fault(FaultTarget.Watch, FaultKind.HangAfterHeaders));
        var options = SourceUnderTest.FastOptions with { MinWatchTimeout = TimeSpan.FromSeconds(1), WatchIdleSlack = TimeSpan.FromMilliseconds(500) };
        await using var source = new SourceUnderTest(server, options);
        await Eventually.TrueAsync(() => server.Watches.Count == 1, "hung watch open");
        var listed = server.Store.ResourceVersion.ToString();

        server.Store.Put(PodDefaultObjects.Env("team", "while-hung", "app", "A", "1"));
        await source.ConvergedAsync("the event, from the resumed watch");

        Assert.Equal(listed, server.Watches[1].ResourceVersion);
        Assert.Single(server.Lists);
        Assert.True(source.Source.Counters.Failures >= 1);
    }
}
