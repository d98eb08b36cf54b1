using PodDefaults.ApiServerStandIn;
using PodDefaults.Core.Fields;

namespace PodDefaults.Tests.Webhook.Sources.Cluster;

/// <summary>
/// A 410 means the watch missed changes it can no longer replay; the relist must replace the whole snapshot in one
/// swap. Every published snapshot is recorded, so a half-old, half-new or empty state in between would be seen.
/// </summary>
public sealed class ClusterRelistTests
{
    private static readonly string[] Before = ["team/a", "team/b", "team/c"];
    private static readonly string[] After = ["other/d", "team/a", "team/c"];

    [Fact]
    public async Task Error_event_410_in_the_stream_relists_and_swaps_the_snapshot_whole()
    {
        await using var server = await StandInApiServer.StartAsync();
        await using var source = await SyncedAsync(server);

        // Changes the watch never hears of, then the server tells it it fell behind.
        server.Store.Silently(ChangeEverything(server));
        server.ExpireWatches();
        await source.ConvergedAsync();

        await AssertSwappedWholeAsync(source);
        Assert.Equal(2, server.Lists.Count);
        await Eventually.EqualAsync(1L, () => source.Source.Counters.Relists, "one relist");
    }

    [Fact]
    public async Task Http_410_on_reconnect_relists_and_swaps_the_snapshot_whole()
    {
        await using var server = await StandInApiServer.StartAsync(new StandInOptions { ExpiredWatchAsHttpStatus = true });
        await using var source = await SyncedAsync(server);

        // The connection drops; meanwhile everything changes and the history is compacted away.
        server.Store.Silently(() =>
        {
            server.DropWatches();
            ChangeEverything(server)();
            server.Store.Compact();
        });
        await source.ConvergedAsync();

        await AssertSwappedWholeAsync(source);
        Assert.Contains(server.Watches, w => w.Status == 410);
        Assert.Equal(2, server.Lists.Count);
    }

    [Fact]
    public async Task Outdated_version_of_a_kept_object_is_replaced_by_the_relist()
    {
        await using var server = await StandInApiServer.StartAsync();
        await using var source = await SyncedAsync(server);

        server.Store.Silently(() => server.Store.Put(PodDefaultObjects.Env("team", "a", "app", "A", "changed")));
        server.ExpireWatches();
        await source.ConvergedAsync();

        Assert.Equal("changed", source.Find("team", "a")!.Spec[PodDefaultFields.Named("env")][0].Value.GetProperty("value").GetString());
    }

    private static async Task<SourceUnderTest> SyncedAsync(StandInApiServer server)
    {
        var source = await SourceUnderTest.WatchingAsync(server,
            [.. new[] { "a", "b", "c" }.Select(name => PodDefaultObjects.Env("team", name, "app", name.ToUpperInvariant(), "1"))]);
        Assert.Equal(Before, SourceUnderTest.Describe(source.Current));
        return source;
    }

    private static Action ChangeEverything(StandInApiServer server) => () =>
    {
        server.Store.Delete("team", "b");
        server.Store.Put(PodDefaultObjects.Env("other", "d", "app", "D", "1"));
    };

    private static async Task AssertSwappedWholeAsync(SourceUnderTest source)
    {
        await Eventually.EqualAsync(2, () => source.Published.Count, "the list and the relist published");
        Assert.Equal(After, SourceUnderTest.Describe(source.Current));
        Assert.Null(source.Find("team", "b"));
        var states = source.Published.Select(SourceUnderTest.Describe).ToList();
        Assert.All(states, state => Assert.True(
            state.SequenceEqual(Before) || state.SequenceEqual(After),
            $"a snapshot in between was neither the old nor the new state: [{string.Join(", ", state)}]"));
        Assert.True(source.Published.Select(s => s.Generation).SequenceEqual(source.Published.Select(s => s.Generation).Order()));
    }
}
