using System.Collections;
using Microsoft.Extensions.Logging;
using PodDefaults.ApiServerStandIn;
using PodDefaults.Core.Json;
using PodDefaults.Webhook.Sources.Cluster;

namespace PodDefaults.Tests.Webhook.Sources.Cluster;

/// <summary>
/// One object the source cannot read or apply costs that object only (docs/semantics.md §9): it is skipped with
/// a log line naming it and a count, the other objects load, later events still apply, and the source's loop
/// neither stops nor retries (which would freeze the snapshot on the same event forever).
/// </summary>
public sealed class ClusterIsolationTests
{
    // ---- defect 1: a quantity the CRD's pattern admits, at each level it broke --------------------------------

    [Fact]
    public async Task A_quantity_with_an_extreme_exponent_lists_and_watches_like_any_other()
    {
        await using var server = await StandInApiServer.StartAsync();
        await using var source = await SourceUnderTest.ListedAsync(server, WithCpuLimit("team", "tiny", "1e-2147483648"), PodDefaultObjects.Env("team", "plain", "app", "A", "1"));
        Assert.True(source.Status.IsReady);
        await Eventually.TrueAsync(() => server.Store.OpenWatches == 1, "watch open");

        server.Store.Put(WithCpuLimit("other", "huge", "1e2147483647"));
        server.Store.Put(WithCpuLimit("team", "tiny", "-1E-2147483648"));
        server.Store.Put(PodDefaultObjects.Env("team", "later", "app", "B", "1"));
        await source.ConvergedAsync("the watch events apply");

        AssertKeptGoing(source);
        Assert.Equal(0, source.Source.Counters.Skipped);
    }

    [Fact]
    public async Task A_quantity_out_of_range_is_skipped_by_name_in_the_LIST_and_in_the_watch()
    {
        await using var server = await StandInApiServer.StartAsync();
        server.Store.Put(WithCpuLimit("team", "too-big", "1e2147483648"));
        server.Store.Put(PodDefaultObjects.Env("team", "plain", "app", "A", "1"));
        await using var source = new SourceUnderTest(server);
        await Eventually.TrueAsync(() => source.Status.IsReady, "the LIST completes");
        await Eventually.TrueAsync(() => server.Store.OpenWatches == 1, "watch open");
        Assert.Equal(["team/plain"], SourceUnderTest.Describe(source.Current));

        server.Store.Put(WithCpuLimit("team", "plain", "1e-2147483649")); // MODIFIED into an unusable one: removed
        server.Store.Put(PodDefaultObjects.Env("team", "later", "app", "B", "1"));
        await Eventually.TrueAsync(() => source.Find("team", "later") is not null, "later event applied");

        Assert.Equal(["team/later"], SourceUnderTest.Describe(source.Current));
        Assert.Equal(1, source.Source.Counters.ListItemsSkipped);
        Assert.Equal(1, source.Source.Counters.EventsSkipped);
        var warnings = source.Logger.Messages(LogLevel.Warning).ToList();
        Assert.Contains(warnings, m => m.Contains("team/too-big") && m.Contains("/spec/resources/limits/cpu"));
        Assert.Contains(warnings, m => m.Contains("team/plain") && m.Contains("/spec/resources/limits/cpu"));
        AssertKeptGoing(source);
    }

    // ---- defect 2: one depth limit, per object ------------------------------------------------------------------

    [Fact]
    public async Task A_PodDefault_nested_70_levels_loads_and_one_past_the_limit_is_skipped_alone_from_its_page()
    {
        await using var server = await StandInApiServer.StartAsync();
        server.Store.Put(Nested("team", "deep-70", 70));
        server.Store.Put(Nested("team", "too-deep", JsonLimits.MaxDepth + 1));
        server.Store.Put(PodDefaultObjects.Env("team", "plain", "app", "A", "1"));
        await using var source = new SourceUnderTest(server);
        await Eventually.TrueAsync(() => source.Status.IsReady, "the LIST completes");
        await Eventually.TrueAsync(() => server.Store.OpenWatches == 1, "watch open");

        Assert.Equal(["team/deep-70", "team/plain"], SourceUnderTest.Describe(source.Current));
        Assert.Contains(source.Logger.Messages(LogLevel.Warning), m => m.Contains("team/too-deep") && m.Contains("deeper than 256"));

        server.Store.Put(Nested("team", "deep-70", 1000)); // MODIFIED past the limit: removed, named
        server.Store.Put(Nested("other", "deep-200", 200));
        await Eventually.TrueAsync(() => source.Find("other", "deep-200") is not null, "later event applied");

        Assert.Equal(["other/deep-200", "team/plain"], SourceUnderTest.Describe(source.Current));
        Assert.Contains(source.Logger.Messages(LogLevel.Warning), m => m.Contains("team/deep-70") && m.Contains("deeper than 256"));
        Assert.Equal(2, source.Source.Counters.Skipped);
        AssertKeptGoing(source);
    }

    [Fact]
    public void The_parser_takes_exactly_the_depth_limit_and_refuses_one_more()
    {
        Assert.Equal("at-limit", Parse(Nested("ns", "at-limit", JsonLimits.MaxDepth - LevelsAboveChain)).Name);
        var error = Assert.Throws<PodDefaultFormatException>(() => Parse(Nested("ns", "past", JsonLimits.MaxDepth - LevelsAboveChain + 1)));
        Assert.Contains("deeper than 256", error.Message);
    }

    // ---- defect 3: any failure, at each point -------------------------------------------------------------------

    [Theory]
    [InlineData("explodes", false, "InvalidOperationException")] // any exception parsing a listed item
    [InlineData("trap", true, "index trap")] // a PodDefault that breaks the index
    public async Task A_listed_PodDefault_that_throws_is_skipped_alone_and_its_namespace_still_loads(string name, bool armed, string reason)
    {
        await using var server = await StandInApiServer.StartAsync();
        server.Store.Put(PodDefaultObjects.Env("team", name, "app", "A", "1"));
        server.Store.Put(PodDefaultObjects.Env("team", "plain", "app", "A", "1"));
        server.Store.Put(PodDefaultObjects.Env("other", "plain", "app", "A", "1"));
        await using var source = new SourceUnderTest(server, Injected(armed: armed));
        await Eventually.TrueAsync(() => source.Status.IsReady, "the LIST completes");

        Assert.Equal(["other/plain", "team/plain"], SourceUnderTest.Describe(source.Current));
        Assert.Equal(1, source.Source.Counters.ListItemsSkipped);
        Assert.Contains(source.Logger.Messages(LogLevel.Warning), m => m.Contains($"team/{name}") && m.Contains(reason));
        AssertKeptGoing(source);
    }

    [Fact]
    public async Task Any_exception_parsing_an_added_or_modified_object_skips_that_event_only()
    {
        await using var server = await StandInApiServer.StartAsync();
        server.Store.Put(PodDefaultObjects.Env("team", "turns-bad", "app", "A", "1"));
        await using var source = new SourceUnderTest(server, Injected());
        await source.ConvergedAsync();
        await Eventually.TrueAsync(() => server.Store.OpenWatches == 1, "watch open");

        server.Store.Put(PodDefaultObjects.Env("team", "explodes", "app", "A", "1")); // ADDED
        server.Store.Put(Renamed(PodDefaultObjects.Env("team", "turns-bad", "app", "A", "2"), "explodes")); // MODIFIED
        server.Store.Put(PodDefaultObjects.Env("team", "later", "app", "B", "1"));
        await Eventually.TrueAsync(() => source.Find("team", "later") is not null, "later event applied");

        Assert.Equal(["team/later"], SourceUnderTest.Describe(source.Current));
        Assert.Equal(2, source.Source.Counters.EventsSkipped);
        Assert.Equal(2, source.Logger.Messages(LogLevel.Warning).Count(m => m.Contains("InvalidOperationException")));
        AssertKeptGoing(source);
    }

    [Fact]
    public async Task A_watched_PodDefault_that_breaks_the_index_is_skipped_and_later_events_apply()
    {
        await using var server = await StandInApiServer.StartAsync();
        await using var source = new SourceUnderTest(server, Injected(armed: true));
        await Eventually.TrueAsync(() => server.Store.OpenWatches == 1, "watch open");

        server.Store.Put(PodDefaultObjects.Env("team", "trap", "app", "A", "1")); // snapshot With throws
        server.Store.Put(PodDefaultObjects.Env("team", "later", "app", "B", "1"));
        await Eventually.TrueAsync(() => source.Find("team", "later") is not null, "later event applied");

        Assert.Equal(["team/later"], SourceUnderTest.Describe(source.Current));
        Assert.Equal(1, source.Source.Counters.EventsSkipped);
        AssertKeptGoing(source);
    }

    [Fact]
    public async Task When_not_even_a_removal_can_be_derived_the_last_good_snapshot_stays_and_later_events_apply()
    {
        var trap = new TrapLabels();
        await using var server = await StandInApiServer.StartAsync();
        server.Store.Put(PodDefaultObjects.Env("team", "trap", "app", "A", "1"));
        server.Store.Put(PodDefaultObjects.Env("team", "doomed", "app", "A", "1"));
        await using var source = new SourceUnderTest(server, Injected(trap));
        await source.ConvergedAsync();
        await Eventually.TrueAsync(() => server.Store.OpenWatches == 1, "watch open");

        trap.Armed = true; // from now on, rebuilding namespace "team" throws: snapshot Without and With both fail
        server.Store.Delete("team", "doomed");
        server.Store.Put(PodDefaultObjects.Env("team", "doomed-too", "app", "A", "1"));
        server.Store.Put(PodDefaultObjects.Env("other", "later", "app", "B", "1"));
        await Eventually.TrueAsync(() => source.Find("other", "later") is not null, "later event applied");

        Assert.Equal(["other/later", "team/doomed", "team/trap"], SourceUnderTest.Describe(source.Current));
        Assert.Equal(2, source.Source.Counters.EventsSkipped);
        Assert.Contains(source.Logger.Messages(LogLevel.Error), m => m.Contains("team/doomed") && m.Contains("keeping the last good snapshot"));
        AssertKeptGoing(source);
    }

    /// <summary>The loop never failed (a failure would retry, and a retry on the same event would freeze the snapshot).</summary>
    private static void AssertKeptGoing(SourceUnderTest source)
    {
        Assert.Equal(0, source.Source.Counters.Failures);
        Assert.Single(source.Server.Watches);
        Assert.True(source.Status.IsReady);
    }

    // ---- objects ------------------------------------------------------------------------------------------------

    private static JsonObject WithCpuLimit(string @namespace, string name, string cpu)
    {
        var obj = PodDefaultObjects.Env(@namespace, name, "app", "A", "1");
        obj["spec"]!["resources"] = new JsonObject { ["limits"] = new JsonObject { ["cpu"] = cpu } };
        return obj;
    }

    /// <summary>Levels of the object above the chain: the object, <c>spec</c>, <c>affinity</c>.</summary>
    private const int LevelsAboveChain = 3;

    /// <summary>A PodDefault whose <c>spec.affinity</c> holds a chain of nested objects; the whole nests <c>LevelsAboveChain + chain</c> levels.</summary>
    private static JsonObject Nested(string @namespace, string name, int chain)
    {
        JsonNode inner = new JsonObject();
        for (var i = 1; i < chain; i++)
            inner = new JsonObject { ["x"] = inner };
        var obj = PodDefaultObjects.Env(@namespace, name, "app", "A", "1");
        obj["spec"]!["affinity"] = new JsonObject { ["nodeAffinity"] = inner };
        return obj;
    }

    private static JsonObject Renamed(JsonObject obj, string marker)
    {
        obj["metadata"]!["labels"] = new JsonObject { ["inject"] = marker };
        return obj;
    }

    private static PodDefault Parse(JsonObject obj)
    {
        using var document = JsonDocument.Parse(obj.ToJsonString(), new JsonDocumentOptions { MaxDepth = 4096 });
        // A derived resourceVersion serializes the whole object: at the limit, that must work too.
        return PodDefaultParser.Parse(document.RootElement, deriveResourceVersion: true);
    }

    /// <summary>
    /// The real parser, except for objects named <c>explodes</c> (or labelled <c>inject: explodes</c>), which throw
    /// something that is not a format error, and objects named <c>trap</c>, whose selector makes the index throw.
    /// </summary>
    private static ClusterSourceOptions Injected(TrapLabels? trap = null, bool armed = false)
    {
        trap ??= new TrapLabels { Armed = armed };
        return SourceUnderTest.FastOptions with
        {
            ParsePodDefault = obj =>
            {
                var name = ObjectMetadata.Name(obj);
                var marked = obj.GetProperty("metadata").TryGetProperty("labels", out var labels) && labels.TryGetProperty("inject", out var inject)
                    ? inject.GetString()
                    : null;
                if (name == "explodes" || marked == "explodes")
                    throw new InvalidOperationException("injected");
                var parsed = PodDefaultParser.Parse(obj);
                return name == "trap"
                    ? new PodDefault(parsed.Namespace, parsed.Name, parsed.ResourceVersion, SelectorResult.Valid(new LabelSelector(trap, [])), parsed.Spec)
                    : parsed;
            },
        };
    }

    /// <summary><c>matchLabels</c> that the namespace index cannot read while armed.</summary>
    private sealed class TrapLabels : IReadOnlyList<KeyValuePair<string, string>>
    {
        private static readonly KeyValuePair<string, string> Pair = new("app", "A");

        public volatile bool Armed;

        public int Count => 1;

        public KeyValuePair<string, string> this[int index] => Armed ? throw new InvalidOperationException("index trap") : Pair;

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
        {
            yield return Pair;
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
