namespace PodDefaults.Tests.Core.Selection;

public sealed class NamespaceIndexTests
{
    private static PodDefault Make(string name, string selectorJson, string ns = "team") => EngineHarness.Parse(
        $$$"""{"metadata":{"name":"{{{name}}}","namespace":"{{{ns}}}","resourceVersion":"1"},"spec":{"selector":{{{selectorJson}}}}}""");

    private static readonly PodDefault[] Mixed =
    [
        Make("two-labels", """{"matchLabels":{"app":"web","team":"ml"}}"""),
        Make("two-labels-other-first", """{"matchLabels":{"team":"ml","app":"web"}}"""),
        Make("one-label", """{"matchLabels":{"app":"api"}}"""),
        Make("slashed-key", """{"matchLabels":{"example.com/tier":"gold"}}"""),
        Make("label-and-expression", """{"matchLabels":{"app":"web"},"matchExpressions":[{"key":"gpu","operator":"Exists"}]}"""),
        Make("expression-in", """{"matchExpressions":[{"key":"app","operator":"In","values":["web","api"]}]}"""),
        Make("expression-notin", """{"matchExpressions":[{"key":"app","operator":"NotIn","values":["web"]}]}"""),
        Make("expression-absent", """{"matchExpressions":[{"key":"app","operator":"DoesNotExist"}]}"""),
        Make("empty", "{}"),
        Make("invalid-operator", """{"matchExpressions":[{"key":"app","operator":"Bogus"}]}"""),
        Make("invalid-label", """{"matchLabels":{"app":1}}"""),
        Make("empty-value", """{"matchLabels":{"app":""}}"""),
    ];

    public static TheoryData<string> Pods() => new(
        "{}",
        """{"app":"web"}""",
        """{"app":"web","team":"ml"}""",
        """{"team":"ml","app":"web","gpu":"true"}""",
        """{"app":"api"}""",
        """{"app":""}""",
        """{"example.com/tier":"gold"}""",
        """{"example.com\/tier":"gold","app":"w\u0065b","team":"ml"}""",
        """{"unrelated":"x"}""");

    [Theory]
    [MemberData(nameof(Pods))]
    public void Candidates_are_a_superset_of_the_matches_without_duplicates(string labelsJson)
    {
        var index = new NamespaceIndex("team", Mixed);
        var (body, request) = Read(labelsJson);
        var candidates = new List<PodDefault>();

        index.AddCandidates(body, request.Pod.Labels, candidates);

        Assert.Equal(candidates.Count, candidates.Distinct().Count());
        foreach (var podDefault in Mixed)
        {
            if (podDefault.Selector.Selector is not { } selector)
                Assert.Contains(podDefault, index.Invalid); // named in the namespace's warnings instead
            else if (SelectorMatcher.Matches(selector, body, request.Pod.Labels))
                Assert.Contains(podDefault, candidates);
        }
        Assert.DoesNotContain(candidates, podDefault => !podDefault.Selector.IsValid);
    }

    [Fact]
    public void A_pod_sharing_no_label_meets_only_the_PodDefaults_without_matchLabels()
    {
        var index = new NamespaceIndex("team", Mixed);
        var (body, request) = Read("""{"unrelated":"x"}""");
        var candidates = new List<PodDefault>();

        index.AddCandidates(body, request.Pod.Labels, candidates);

        Assert.Equal(
            ["empty", "expression-absent", "expression-in", "expression-notin"],
            candidates.Select(pd => pd.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["invalid-label", "invalid-operator"], index.Invalid.Select(pd => pd.Name));
        Assert.Equal(2, index.SkipWarnings.Count);
    }

    [Fact]
    public void All_is_in_apply_order_byte_wise()
    {
        var index = new NamespaceIndex("team", [Make("b", "{}"), Make("Z", "{}"), Make("a", "{}"), Make("é", "{}"), Make("a-1", "{}")]);

        Assert.Equal(["Z", "a", "a-1", "b", "é"], index.All.Select(pd => pd.Name));
    }

    [Theory]
    [InlineData("app", "web", new[] { "label-and-expression", "two-labels" })] // filed under their first pair only
    [InlineData("team", "ml", new[] { "two-labels-other-first" })]
    [InlineData("example.com/tier", "gold", new[] { "slashed-key" })]
    [InlineData("app", "", new[] { "empty-value" })]
    [InlineData("app", "other", new string[0])]
    [InlineData("unrelated", "x", new string[0])]
    public void A_label_a_poddefault_adds_finds_only_the_poddefaults_filed_under_it(string key, string value, string[] expected)
    {
        var index = new NamespaceIndex("team", Mixed);
        var candidates = new List<PodDefault>();

        index.AddCandidates(new LabelPair(key, value), candidates);

        Assert.Equal(expected, candidates.Select(pd => pd.Name).Order(StringComparer.Ordinal));
    }

    private static (byte[] Body, AdmissionRequest Request) Read(string labelsJson)
    {
        const string pod = """{"metadata":{"name":"p","namespace":"team","labels":"__LABELS__"}}""";
        var body = Encoding.UTF8.GetBytes(EngineHarness.Review(pod).Replace("\"__LABELS__\"", labelsJson, StringComparison.Ordinal));
        var request = new AdmissionRequest();
        AdmissionReviewReader.Read(body, request);
        return (body, request);
    }
}
