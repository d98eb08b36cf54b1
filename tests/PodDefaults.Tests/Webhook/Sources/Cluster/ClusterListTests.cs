using PodDefaults.ApiServerStandIn;

namespace PodDefaults.Tests.Webhook.Sources.Cluster;

public sealed class ClusterListTests
{
    [Fact]
    public async Task Initial_list_follows_every_continue_token_and_becomes_ready()
    {
        await using var server = await StandInApiServer.StartAsync();
        for (var i = 0; i < 7; i++)
            server.Store.Put(PodDefaultObjects.Env($"ns-{i % 3}", $"pd-{i}", "app", $"V{i}", "x"));

        await using var source = new SourceUnderTest(server, SourceUnderTest.FastOptions with { PageSize = 3 });
        await source.ConvergedAsync();

        await Eventually.EqualAsync(true, () => source.Status.IsReady, "ready");
        await Eventually.TrueAsync(() => server.Watches.Count > 0, "a watch");
        Assert.Equal(source.ServerState(), SourceUnderTest.Describe(source.Current));
        var lists = server.Lists;
        Assert.Equal(["3", "3", "3"], lists.Select(l => l.Limit));
        Assert.Null(lists[0].Continue);
        Assert.All(lists.Skip(1), l => Assert.NotNull(l.Continue));
        // The whole list is published at once, not page by page.
        await Eventually.EqualAsync(1, () => source.Published.Count, "one publish");
        Assert.Equal(server.Store.ResourceVersion.ToString(), server.Watches[0].ResourceVersion);
    }

    [Fact]
    public async Task Watch_asks_for_bookmarks_and_a_randomized_timeout()
    {
        await using var server = await StandInApiServer.StartAsync();
        await using var source = new SourceUnderTest(server, SourceUnderTest.FastOptions with { MinWatchTimeout = TimeSpan.FromMinutes(5) });
        await Eventually.TrueAsync(() => server.Watches.Count > 0, "a watch");

        var watch = server.Watches[0];
        Assert.Equal("true", watch.Query["allowWatchBookmarks"]);
        Assert.Equal("1", watch.Query["watch"]);
        Assert.InRange(int.Parse(watch.Query["timeoutSeconds"]), 300, 600);
    }

    [Fact]
    public async Task Unusable_object_in_the_list_is_skipped_and_logged_with_its_name()
    {
        await using var server = await StandInApiServer.StartAsync();
        server.Store.Put(PodDefaultObjects.Env("team", "good", "app", "A", "1"));
        server.Store.Put(PodDefaultObjects.Broken("team", "broken"));

        await using var source = new SourceUnderTest(server);
        await Eventually.TrueAsync(() => source.Status.IsReady, "ready");

        Assert.Equal(["team/good"], SourceUnderTest.Describe(source.Current));
        Assert.Contains(source.Logger.Messages(Microsoft.Extensions.Logging.LogLevel.Warning), m => m.Contains("team/broken") && m.Contains("/spec/env"));
    }

    [Fact]
    public async Task Expired_continue_token_restarts_the_list_and_drops_what_the_first_pages_held()
    {
        await using var server = await StandInApiServer.StartAsync();
        for (var i = 0; i < 6; i++)
            server.Store.Put(PodDefaultObjects.Env("team", $"pd-{i}", "app", $"V{i}", "x"));
        // Between the first page and the second, pd-0 (already on page one) is deleted and etcd compacts.
        server.Inject(new Fault(FaultTarget.ListContinue, FaultKind.Status, Code: 410, Before: () => server.Store.Delete("team", "pd-0")));

        await using var source = new SourceUnderTest(server, SourceUnderTest.FastOptions with { PageSize = 2 });
        await source.ConvergedAsync();

        Assert.DoesNotContain("team/pd-0", SourceUnderTest.Describe(source.Current));
        Assert.Equal(source.ServerState(), SourceUnderTest.Describe(source.Current));
        var lists = server.Lists;
        Assert.Equal(410, lists[1].Status);
        Assert.Null(lists[2].Continue); // started over
        await Eventually.EqualAsync(1, () => source.Published.Count, "one publish"); // the pages before the 410 were never served
    }

    [Fact]
    public async Task Lists_with_an_error_status_are_retried()
    {
        await using var server = await StandInApiServer.StartAsync();
        server.Store.Put(PodDefaultObjects.Env("team", "a", "app", "A", "1"));
        server.Inject(new Fault(FaultTarget.List, FaultKind.Status, Code: 500));
        server.Inject(new Fault(FaultTarget.List, FaultKind.Status, Code: 503));

        await using var source = await SourceUnderTest.ListedAsync(server);

        Assert.Equal([500, 503, 200], server.Lists.Select(l => l.Status));
        Assert.Equal(2, source.Source.Counters.Failures);
    }

    [Fact]
    public async Task Hung_list_times_out_and_is_retried()
    {
        await using var server = await StandInApiServer.StartAsync();
        server.Store.Put(PodDefaultObjects.Env("team", "a", "app", "A", "1"));
        server.Inject(new Fault(FaultTarget.List, FaultKind.Hang));

        await using var source = new SourceUnderTest(server, SourceUnderTest.FastOptions with { RequestTimeout = TimeSpan.FromMilliseconds(500) });
        await source.ConvergedAsync();

        Assert.Equal(2, server.Lists.Count);
        Assert.Contains(source.Logger.Messages(Microsoft.Extensions.Logging.LogLevel.Warning), m => m.Contains("no answer within the timeout"));
    }
}
