
namespace PodDefaults.Tests.Core.Admission;

/// <summary>
/// When the pod's metadata comes before its spec (as the API server writes it), the engine selects when the
/// reader reaches the spec and reads the spec once; otherwise it keeps the spec's place and reads it after.
/// Both give the same answer.
/// </summary>
public sealed class SpecReadOnceTests
{
    private static readonly EngineHarness Harness = new(
        """{"metadata":{"name":"pd","namespace":"ns","resourceVersion":"1"},"spec":{"selector":{"matchLabels":{"app":"web"}},"env":[{"name":"A","value":"1"}],"volumeMounts":[{"name":"v","mountPath":"/v"}],"volumes":[{"name":"v","emptyDir":{}}]}}""",
        """{"metadata":{"name":"broken","namespace":"ns","resourceVersion":"1"},"spec":{"selector":{"matchExpressions":[{"key":"app","operator":"Near"}]}}}""");

    private const string Metadata = """{"name":"p","namespace":"ns","labels":{"app":"web"}}""";
    private const string Spec = """{"containers":[{"name":"main","image":"i","env":[{"name":"B","value":"2","n":1.5e3}],"volumeMounts":[{"name":"w","mountPath":"/w"}]}],"volumes":[{"name":"w","emptyDir":{}}]}""";

    private static string Review(string pod, string subResourceAfterObject = "") =>
        $$$"""
        {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview",
         "request":{"uid":"u-1","operation":"CREATE","namespace":"ns","resource":{"group":"","version":"v1","resource":"pods"},
                    "object":{{{pod}}}{{{subResourceAfterObject}}}}}
        """;

    private static (bool SpecRead, AdmissionOutcome Outcome, string? Patch, int Warnings) Admit(string review)
    {
        using var output = new PooledBufferWriter();
        using var admission = Harness.Engine.Review(Encoding.UTF8.GetBytes(review), output);
        var response = JsonNode.Parse(output.WrittenSpan)!["response"]!.AsObject();
        return (admission.Request.Pod.SpecRead, admission.Outcome, EngineHarness.PatchOf(response), admission.Warnings.Count);
    }

    [Fact]
    public void Metadata_first_reads_the_spec_in_the_first_pass_and_answers_as_spec_first()
    {
        var once = Admit(Review($$"""{"metadata":{{Metadata}},"spec":{{Spec}}}"""));
        var twice = Admit(Review($$"""{"spec":{{Spec}},"metadata":{{Metadata}}}"""));

        Assert.True(once.SpecRead);
        Assert.False(twice.SpecRead);
        Assert.Equal(AdmissionOutcome.Patched, once.Outcome);
        Assert.NotNull(once.Patch);
        Assert.Equal(twice.Patch, once.Patch);
        Assert.Equal(1, once.Warnings); // the broken selector, named once
        Assert.Equal(twice.Warnings, once.Warnings);
    }

    [Fact]
    public void The_pod_namespace_only_in_a_request_namespace_after_the_object_waits_for_it()
    {
        var review = $$$"""
            {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview",
             "request":{"uid":"u-1","operation":"CREATE","resource":{"group":"","version":"v1","resource":"pods"},
                        "object":{"metadata":{"name":"p","labels":{"app":"web"}},"spec":{{{Spec}}}},"namespace":"ns"}}
            """;

        var answer = Admit(review);

        Assert.False(answer.SpecRead);
        Assert.Equal(AdmissionOutcome.Patched, answer.Outcome);
    }

    [Fact]
    public void A_subResource_after_the_object_skips_the_review_with_nothing_of_the_selection_made_while_reading()
    {
        var answer = Admit(Review($$"""{"metadata":{{Metadata}},"spec":{{Spec}}}""", ""","subResource":"status" """));

        Assert.Equal(AdmissionOutcome.Skipped, answer.Outcome);
        Assert.Null(answer.Patch);
        Assert.Equal(0, answer.Warnings);
    }

    [Theory]
    [InlineData("\"n\":1.5e3", "\"n\":01")] // a number Utf8JsonReader rejects
    [InlineData("\"n\":1.5e3", "\"n\":1.")]
    [InlineData("\"n\":1.5e3", "\"n\":tru")]
    [InlineData("\"n\":1.5e3", "\"n\":[1,]")]
    [InlineData("\"n\":1.5e3", "\"n\":{\"x\":}")]
    public void Damage_in_a_spec_member_read_in_the_first_pass_is_a_400(string original, string damaged)
    {
        var review = Review($$"""{"metadata":{{Metadata}},"spec":{{Spec.Replace(original, damaged, StringComparison.Ordinal)}}}""");
        Assert.Contains(damaged, review, StringComparison.Ordinal);

        Assert.Throws<AdmissionReviewFormatException>(() => Admit(review));
    }

    [Fact]
    public void Damage_in_the_spec_of_what_turns_out_no_pod_create_is_not_a_400()
    {
        var spec = Spec.Replace("\"n\":1.5e3", "\"n\":01", StringComparison.Ordinal);

        var answer = Admit(Review($$"""{"metadata":{{Metadata}},"spec":{{spec}}}""", ""","subResource":"status" """));

        Assert.Equal(AdmissionOutcome.Skipped, answer.Outcome);
    }
}
