using PodDefaults.Tests.Conformance;

namespace PodDefaults.Tests.Core.Admission;

/// <summary>The explanation agrees with the engine on every conformance case.</summary>
public sealed class ExplanationTests
{
    [Theory]
    [MemberData(nameof(ConformanceCase.All), MemberType = typeof(ConformanceCase))]
    public void Explains_exactly_what_the_engine_decided(string file)
    {
        var testCase = ConformanceCase.Load(file);
        var snapshot = Snapshot(testCase);
        var review = Encoding.UTF8.GetBytes(testCase.BuildReview("uid"));
        using var response = new PooledBufferWriter();
        using var admission = Engine(snapshot).Review(review, response);

        var explanation = Explanation.Of(review, admission, snapshot);

        Assert.Equal(admission.Outcome, explanation.Outcome);
        Assert.Equal(snapshot.InNamespace(admission.Namespace), explanation.Verdicts.Select(v => v.PodDefault));
        var applies = explanation.Verdicts.Where(v => v.Kind == VerdictKind.Applies).Select(v => v.PodDefault);
        Assert.Equal(admission.Outcome == AdmissionOutcome.Skipped ? [] : admission.Applied, applies);
        Assert.Equal(
            admission.Conflicts.OrderBy(c => c.Clause, StringComparer.Ordinal),
            explanation.Verdicts.SelectMany(v => v.Conflicts).OrderBy(c => c.Clause, StringComparer.Ordinal));
        Assert.All(explanation.Verdicts, v => Assert.All(v.Conflicts, c => Assert.Equal(v.PodDefault.Name, c.PodDefault)));
        Assert.All(explanation.Verdicts.Where(v => v.Kind == VerdictKind.SelectorDoesNotMatch), v => Assert.NotNull(v.UnmetTerm));
    }

    [Fact]
    public void A_selector_miss_names_the_first_unmet_term()
    {
        var snapshot = PodDefaultSnapshot.Empty.ReplaceAll([Parse("gpu", """{"matchLabels":{"app":"x"},"matchExpressions":[{"key":"tier","operator":"In","values":["gpu"]},{"key":"zone","operator":"Exists"}]}""")]);
        var review = Review("""{"app":"x","tier":"cpu"}""");
        using var response = new PooledBufferWriter();
        using var admission = Engine(snapshot).Review(review, response);

        var verdict = Assert.Single(Explanation.Of(review, admission, snapshot).Verdicts);

        Assert.Equal(VerdictKind.SelectorDoesNotMatch, verdict.Kind);
        Assert.Equal("tier in (gpu)", verdict.UnmetTerm!.ToString());
    }

    [Fact]
    public void Another_snapshot_than_the_admissions_is_refused()
    {
        var snapshot = PodDefaultSnapshot.Empty.ReplaceAll([Parse("any", "{}")]);
        var review = Review("{}");
        using var response = new PooledBufferWriter();
        using var admission = Engine(snapshot).Review(review, response);

        Assert.Throws<ArgumentException>(() => Explanation.Of(review, admission, snapshot.ReplaceAll([])));
    }

    private static PodDefaultSnapshot Snapshot(ConformanceCase testCase) =>
        PodDefaultSnapshot.Empty.ReplaceAll(testCase.PodDefaultElements().Select(pd => PodDefaultParser.Parse(pd)));

    private static AdmissionEngine Engine(PodDefaultSnapshot snapshot)
    {
        var holder = new SnapshotHolder();
        holder.Publish(snapshot);
        return new AdmissionEngine(holder);
    }

    private static PodDefault Parse(string name, string selector) => PodDefaultParser.Parse(JsonSerializer.SerializeToElement(new JsonObject
    {
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "ns", ["resourceVersion"] = "1" },
        ["spec"] = new JsonObject { ["selector"] = JsonNode.Parse(selector), ["labels"] = new JsonObject { ["added"] = "yes" } },
    }));

    private static byte[] Review(string labels) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["apiVersion"] = "admission.k8s.io/v1",
        ["kind"] = "AdmissionReview",
        ["request"] = new JsonObject
        {
            ["uid"] = "u",
            ["operation"] = "CREATE",
            ["resource"] = new JsonObject { ["group"] = "", ["version"] = "v1", ["resource"] = "pods" },
            ["namespace"] = "ns",
            ["object"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = "p", ["labels"] = JsonNode.Parse(labels) },
                ["spec"] = JsonNode.Parse("""{"containers":[{"name":"c"}]}"""),
            },
        },
    }.ToJsonString());
}
