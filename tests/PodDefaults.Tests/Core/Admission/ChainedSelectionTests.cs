using PodDefaults.Tests.Conformance;

namespace PodDefaults.Tests.Core.Admission;

/// <summary>
/// Chained selection (docs/semantics.md §3): the labels of the PodDefaults being applied join the labels
/// selectors see, passes in name order repeat until nothing new is selected, and the result is a fixed point.
/// </summary>
public sealed class ChainedSelectionTests
{
    private const string Pod = """
        {"metadata":{"name":"p","namespace":"ns","labels":{"app":"ml"}},"spec":{"containers":[{"name":"main","image":"x"}]}}
        """;

    private static string PodDefault(string name, string selector, string labels = "{}", string resourceVersion = "1") =>
        $$$"""
        {"metadata":{"name":"{{{name}}}","namespace":"ns","resourceVersion":"{{{resourceVersion}}}"},
         "spec":{"selector":{{{selector}}},"labels":{{{labels}}},"env":[{"name":"FROM_{{{name.Replace('-', '_').ToUpperInvariant()}}}","value":"1"}]}}
        """;

    private static string Selects(string key, string value) => $$$"""{"matchLabels":{"{{{key}}}":"{{{value}}}"}}""";

    private static string Expression(string key, string op)
    {
        var values = op is "In" or "NotIn" ? ""","values":["gpu"]""" : "";
        return $$$"""{"matchExpressions":[{"key":"{{{key}}}","operator":"{{{op}}}"{{{values}}}}]}""";
    }

    [Theory]
    [InlineData("link-1", "link-2", "link-3")] // one pass: each link sorts after the one that pulls it in
    [InlineData("z-start", "m-middle", "a-end")] // three passes: each link sorts before the one that pulls it in
    [InlineData("m-start", "z-middle", "a-end")]
    public void A_three_link_chain_applies_whole_in_name_order(string first, string second, string third)
    {
        var harness = new EngineHarness(
            PodDefault(first, Selects("app", "ml"), """{"tier":"gpu"}"""),
            PodDefault(second, Selects("tier", "gpu"), """{"zone":"a"}"""),
            PodDefault(third, Selects("zone", "a")));

        var applied = AppliedNames(harness, Pod);

        Assert.Equal(new[] { first, second, third }.Order(StringComparer.Ordinal), applied);
        AssertFixedPoint(harness, Pod);
    }

    [Fact]
    public void A_chained_poddefault_that_sorts_first_applies_first()
    {
        var harness = new EngineHarness(
            PodDefault("b-label", Selects("app", "ml"), """{"tier":"gpu"}"""),
            PodDefault("a-gpu-env", Selects("tier", "gpu")));

        var patched = Patched(harness, Pod);

        Assert.Equal(["a-gpu-env", "b-label"], AppliedNames(harness, Pod));
        Assert.Equal("gpu", (string?)patched["metadata"]!["labels"]!["tier"]);
        Assert.Equal(["FROM_A_GPU_ENV", "FROM_B_LABEL"], ((JsonArray)patched["spec"]!["containers"]![0]!["env"]!).Select(e => (string)e!["name"]!));
        AssertFixedPoint(harness, Pod);
    }

    [Theory]
    [InlineData("DoesNotExist")]
    [InlineData("NotIn")]
    public void A_poddefault_selected_before_the_chain_falsifies_its_selector_stays_selected(string op)
    {
        var harness = new EngineHarness(
            PodDefault("a-no-gpu", Expression("tier", op)),
            PodDefault("b-label", Selects("app", "ml"), """{"tier":"gpu"}"""));

        Assert.Equal(["a-no-gpu", "b-label"], AppliedNames(harness, Pod));
        AssertFixedPoint(harness, Pod);
    }

    [Theory]
    [InlineData("DoesNotExist")]
    [InlineData("NotIn")]
    public void A_poddefault_whose_turn_comes_after_the_chain_falsified_its_selector_is_not_selected(string op)
    {
        var harness = new EngineHarness(
            PodDefault("b-label", Selects("app", "ml"), """{"tier":"gpu"}"""),
            PodDefault("z-no-gpu", Expression("tier", op)));

        Assert.Equal(["b-label"], AppliedNames(harness, Pod));
        AssertFixedPoint(harness, Pod);
    }

    [Fact]
    public void A_poddefault_falsified_by_a_label_joining_in_a_later_pass_stays_selected()
    {
        // Pass 1 selects c-label, whose label selects a-label in pass 2; b-no-zone was selected in pass 1, before zone joined.
        var harness = new EngineHarness(
            PodDefault("a-label", Selects("tier", "gpu"), """{"zone":"a"}"""),
            PodDefault("b-no-zone", Expression("zone", "DoesNotExist")),
            PodDefault("c-label", Selects("app", "ml"), """{"tier":"gpu"}"""));

        Assert.Equal(["a-label", "b-no-zone", "c-label"], AppliedNames(harness, Pod));
        AssertFixedPoint(harness, Pod);
    }

    [Fact]
    public void A_pod_whose_own_label_differs_conflicts_and_the_added_value_selects_nothing()
    {
        const string cpuPod = """
            {"metadata":{"name":"p","namespace":"ns","labels":{"app":"ml","tier":"cpu"}},"spec":{"containers":[{"name":"main","image":"x"}]}}
            """;
        var harness = new EngineHarness(
            PodDefault("a-label", Selects("app", "ml"), """{"tier":"gpu"}"""),
            PodDefault("b-gpu-env", Selects("tier", "gpu")),
            PodDefault("c-cpu-env", Selects("tier", "cpu")));

        var response = harness.Create(cpuPod);

        Assert.False((bool)response["allowed"]!);
        var message = (string)response["status"]!["message"]!;
        Assert.StartsWith("conflict occurred while applying poddefaults: a-label,c-cpu-env on pod: p ", message, StringComparison.Ordinal);
        Assert.Contains("labels \"tier\"", message, StringComparison.Ordinal);
        Assert.DoesNotContain("b-gpu-env", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_two_poddefaults_adding_a_key_the_first_selected_is_what_selectors_see_and_the_merge_rejects_the_pair()
    {
        var harness = new EngineHarness(
            PodDefault("a-cpu", Selects("app", "ml"), """{"tier":"cpu"}"""),
            PodDefault("b-gpu", Selects("app", "ml"), """{"tier":"gpu"}"""),
            PodDefault("c-gpu-env", Selects("tier", "gpu")));

        var message = (string)harness.Create(Pod)["status"]!["message"]!;

        Assert.StartsWith("conflict occurred while applying poddefaults: a-cpu,b-gpu on pod: p ", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_applied_poddefaults_labels_count_only_as_far_as_the_pod_carries_them()
    {
        var harness = new EngineHarness(
            PodDefault("a-label", Selects("app", "ml"), """{"tier":"gpu"}""", resourceVersion: "5"),
            PodDefault("b-gpu-env", Selects("tier", "gpu")));
        const string markedWithLabel = """
            {"metadata":{"name":"p","namespace":"ns","labels":{"app":"ml","tier":"gpu"},
             "annotations":{"poddefault.admission.kubeflow.org/poddefault-a-label":"5"}},"spec":{"containers":[{"name":"main","image":"x"}]}}
            """;
        const string markedWithoutLabel = """
            {"metadata":{"name":"p","namespace":"ns","labels":{"app":"ml"},
             "annotations":{"poddefault.admission.kubeflow.org/poddefault-a-label":"5"}},"spec":{"containers":[{"name":"main","image":"x"}]}}
            """;

        Assert.Equal(["b-gpu-env"], AppliedNames(harness, markedWithLabel));
        Assert.Empty(AppliedNames(harness, markedWithoutLabel)); // a-label adds nothing now, so the pod gets no tier
    }

    [Fact]
    public void A_chain_reaches_every_poddefault_that_a_label_selects_whatever_the_namespace_holds()
    {
        // Filed under labels the pod does not have: only the labels that join can find them.
        var others = Enumerable.Range(0, 200).Select(i => PodDefault($"other-{i:D3}", Selects("tier", $"t{i}")));
        var harness = new EngineHarness([
            .. others,
            PodDefault("a-label", Selects("app", "ml"), """{"tier":"t150","zone":"z"}"""),
            PodDefault("b-zone", Expression("zone", "Exists")),
        ]);

        Assert.Equal(["a-label", "b-zone", "other-150"], AppliedNames(harness, Pod));
        AssertFixedPoint(harness, Pod);
    }

    [Fact]
    public void A_chained_poddefault_is_explained_by_the_label_that_selected_it()
    {
        var harness = new EngineHarness(
            PodDefault("a-label", Selects("app", "ml"), """{"tier":"gpu"}"""),
            PodDefault("b-gpu-env", Selects("tier", "gpu")),
            PodDefault("c-no-gpu", Expression("tier", "DoesNotExist")));
        var review = Encoding.UTF8.GetBytes(EngineHarness.Review(Pod));
        using var output = new PooledBufferWriter();
        using var admission = harness.Engine.Review(review, output);

        var verdicts = Explanation.Of(review, admission, harness.Snapshot).Verdicts.ToDictionary(v => v.PodDefault.Name);

        Assert.Empty(verdicts["a-label"].SelectedThrough);
        Assert.Equal(VerdictKind.Applies, verdicts["b-gpu-env"].Kind);
        Assert.Equal("tier=gpu added by a-label", Assert.Single(verdicts["b-gpu-env"].SelectedThrough).ToString());
        Assert.Equal(VerdictKind.SelectorDoesNotMatch, verdicts["c-no-gpu"].Kind);
        Assert.Equal("tier=gpu added by a-label", verdicts["c-no-gpu"].UnmetThrough.ToString());
    }

    private static string[] AppliedNames(EngineHarness harness, string pod)
    {
        using var output = new PooledBufferWriter();
        using var admission = harness.Engine.Review(Encoding.UTF8.GetBytes(EngineHarness.Review(pod)), output);
        return [.. admission.Applied.Select(pd => pd.Name)];
    }

    private static JsonNode Patched(EngineHarness harness, string pod)
    {
        var response = harness.Create(pod);
        Assert.True((bool)response["allowed"]!, (string?)response["status"]?["message"]);
        var patch = EngineHarness.PatchOf(response);
        Assert.NotNull(patch);
        return JsonNode.Parse(ConformanceJudge.ApplyPatch(pod, patch).ToString(Newtonsoft.Json.Formatting.None))!;
    }

    private static void AssertFixedPoint(EngineHarness harness, string pod)
    {
        var again = harness.Create(Patched(harness, pod).ToJsonString());

        Assert.True((bool)again["allowed"]!);
        Assert.Null(EngineHarness.PatchOf(again));
    }
}
