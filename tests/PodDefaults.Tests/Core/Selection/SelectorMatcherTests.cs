namespace PodDefaults.Tests.Core.Selection;

public sealed class SelectorMatcherTests
{
    private static LabelSelector Selector(string selectorJson)
    {
        var json = $$$"""{"metadata":{"name":"pd","namespace":"ns","resourceVersion":"1"},"spec":{"selector":{{{selectorJson}}}}}""";
        using var document = JsonDocument.Parse(json);
        return PodDefaultParser.Parse(document.RootElement).Selector.Selector ?? throw new InvalidOperationException("invalid selector");
    }

    /// <summary>Whether the selector matches a pod whose <c>metadata.labels</c> is this raw JSON, read as the webhook reads it.</summary>
    private static bool Matches(string selectorJson, string labelsJson)
    {
        // The labels go in verbatim, after the review is built, so that their escapes reach the reader as written.
        const string pod = """{"metadata":{"name":"p","namespace":"ns","labels":"__LABELS__"},"spec":{"containers":[]}}""";
        var body = Encoding.UTF8.GetBytes(EngineHarness.Review(pod).Replace("\"__LABELS__\"", labelsJson, StringComparison.Ordinal));
        var request = new AdmissionRequest();
        AdmissionReviewReader.Read(body, request);
        return SelectorMatcher.Matches(Selector(selectorJson), body, request.Pod.Labels);
    }

    private const string InAB = """{"matchExpressions":[{"key":"tier","operator":"In","values":["a","b"]}]}""";
    private const string NotInAB = """{"matchExpressions":[{"key":"tier","operator":"NotIn","values":["a","b"]}]}""";
    private const string Exists = """{"matchExpressions":[{"key":"tier","operator":"Exists"}]}""";
    private const string DoesNotExist = """{"matchExpressions":[{"key":"tier","operator":"DoesNotExist"}]}""";

    [Theory]
    [InlineData(InAB, """{"tier":"a"}""", true)]
    [InlineData(InAB, """{"tier":"b","x":"y"}""", true)]
    [InlineData(InAB, """{"tier":"c"}""", false)]
    [InlineData(InAB, """{"tier":""}""", false)]
    [InlineData(InAB, """{}""", false)]
    [InlineData(InAB, """{"Tier":"a"}""", false)] // keys are case-sensitive
    [InlineData(NotInAB, """{"tier":"c"}""", true)]
    [InlineData(NotInAB, """{"tier":"a"}""", false)]
    [InlineData(NotInAB, """{}""", true)] // NotIn matches a pod without the key, as in Kubernetes
    [InlineData(NotInAB, """{"other":"a"}""", true)]
    [InlineData(Exists, """{"tier":""}""", true)]
    [InlineData(Exists, """{"tier":"x"}""", true)]
    [InlineData(Exists, """{"tiers":"x"}""", false)]
    [InlineData(DoesNotExist, """{}""", true)]
    [InlineData(DoesNotExist, """{"tier":""}""", false)]
    [InlineData(DoesNotExist, """{"tie":"r"}""", true)]
    public void Operators_follow_Kubernetes(string selector, string labels, bool expected) =>
        Assert.Equal(expected, Matches(selector, labels));

    [Theory]
    [InlineData("""{"app":"web","team":"ml"}""", true)]
    [InlineData("""{"app":"web"}""", false)]
    [InlineData("""{"app":"web","team":"ops"}""", false)]
    public void MatchLabels_pairs_are_ANDed(string labels, bool expected) =>
        Assert.Equal(expected, Matches("""{"matchLabels":{"app":"web","team":"ml"}}""", labels));

    [Theory]
    [InlineData("""{"app":"web","tier":"b"}""", true)]
    [InlineData("""{"app":"web","tier":"b","legacy":"1"}""", false)]
    [InlineData("""{"app":"api","tier":"b"}""", false)]
    public void MatchLabels_and_matchExpressions_are_ANDed(string labels, bool expected) =>
        Assert.Equal(expected, Matches(
            """{"matchLabels":{"app":"web"},"matchExpressions":[{"key":"tier","operator":"In","values":["a","b"]},{"key":"legacy","operator":"DoesNotExist"}]}""",
            labels));

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"any":"thing"}""")]
    public void An_empty_selector_matches_every_pod(string labels) =>
        Assert.True(Matches("{}", labels));

    [Theory]
    [InlineData("""{"ti\u0065r":"a"}""", InAB, true)]
    [InlineData("""{"tier":"\u0061"}""", InAB, true)]
    [InlineData("""{"tier":"\u0061"}""", NotInAB, false)]
    [InlineData("""{"ti\u0065r":"x"}""", DoesNotExist, false)]
    [InlineData("""{"example.com\/team":"m\u00e9l"}""", """{"matchLabels":{"example.com/team":"mél"}}""", true)]
    [InlineData("""{"example.com/team":"mél"}""", """{"matchLabels":{"example.com/team":"m\u00e9l"}}""", true)]
    [InlineData("""{"example.com\/team":"mel"}""", """{"matchLabels":{"example.com/team":"mél"}}""", false)]
    public void Escaped_label_keys_and_values_in_the_pod_match_their_text(string labels, string selector, bool expected) =>
        Assert.Equal(expected, Matches(selector, labels));

    [Fact]
    public void A_label_that_is_not_a_string_counts_as_absent()
    {
        Assert.False(Matches(Exists, """{"tier":1}"""));
        Assert.True(Matches(NotInAB, """{"tier":true}"""));
    }

    [Fact]
    public void FirstUnmet_names_the_failing_term()
    {
        var selector = Selector("""{"matchLabels":{"app":"web"},"matchExpressions":[{"key":"tier","operator":"Exists"}]}""");
        var body = Encoding.UTF8.GetBytes(EngineHarness.Review("""{"metadata":{"name":"p","namespace":"ns","labels":{"app":"web"}}}"""));
        var request = new AdmissionRequest();
        AdmissionReviewReader.Read(body, request);

        Assert.Equal("tier", SelectorMatcher.FirstUnmet(selector, body, request.Pod.Labels)!.Key);
    }
}
