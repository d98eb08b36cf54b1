using Newtonsoft.Json.Linq;
using PodDefaults.Tests.Conformance;

namespace PodDefaults.Tests.Core.Properties;

/// <summary>
/// Properties of the real <see cref="PodDefaults.Core.Admission.AdmissionEngine"/> on random realistic pods
/// and PodDefault sets. A failure prints the shrunk case and the seed to replay it (<c>seed:</c> below).
/// </summary>
public sealed class AdmissionProperties
{
    // Enough to meet rare combinations (a conflict between two PodDefaults on a LimitRanger value) while the
    // class stays within seconds on a small machine. Hunt longer with CsCheck's own variable: CsCheck_Iter=20000.
    private static readonly int Iterations =
        int.TryParse(Environment.GetEnvironmentVariable("CsCheck_Iter"), out var iterations) ? iterations : 500;

    private static void Sample(Action<AdmissionCase> property) =>
        AdmissionCase.Gen.Sample(property, iter: Iterations, print: AdmissionCase.Print);

    [Fact]
    public void Every_response_is_an_AdmissionReview_for_the_request_and_its_patch_applies() => Sample(c =>
    {
        var answer = Answer.Of(c.Pod, c.PodDefaults);

        if (answer.Allowed && answer.Patch is { } patch)
            ConformanceJudge.ApplyPatch(c.Pod, patch); // throws when an operation does not apply
    });

    [Fact]
    public void The_engine_applies_exactly_the_matching_PodDefaults_and_warns_about_invalid_ones() => Sample(c =>
    {
        var pod = JsonNode.Parse(c.Pod)!;
        var podDefaults = c.PodDefaults.Select(pd => JsonNode.Parse(pd)!).ToArray();
        var answer = Answer.Of(c.Pod, c.PodDefaults);

        if (ExpectedSelection.IsExcluded(pod))
        {
            Assert.True(answer.Allowed);
            Assert.Null(answer.Patch);
            return;
        }
        var expected = ExpectedSelection.Applying(pod, podDefaults);
        if (!answer.Allowed)
        {
            var podName = (string?)pod["metadata"]!["name"] ?? (string)pod["metadata"]!["generateName"]!;
            Assert.StartsWith($"{ConformanceJudge.ConflictPrefix}{string.Join(",", expected)} on pod: {podName} err: ", answer.Message, StringComparison.Ordinal);
        }
        else if (answer.Patch is null)
        {
            Assert.Empty(expected);
        }
        else
        {
            // Exactly the applied PodDefaults' markers are set, to their version; the pod's other markers stay.
            var patched = ConformanceJudge.ApplyPatch(c.Pod, answer.Patch);
            var markers = (patched["metadata"]?["annotations"] as JObject ?? [])
                .Properties()
                .Where(p => p.Name.StartsWith(Pools.MarkerPrefix, StringComparison.Ordinal))
                .ToDictionary(p => p.Name[Pools.MarkerPrefix.Length..], p => (string?)p.Value);
            var versions = podDefaults
                .Where(pd => (string?)pd["metadata"]!["namespace"] == Pools.Namespace)
                .ToDictionary(pd => (string)pd["metadata"]!["name"]!, pd => (string?)pd["metadata"]!["resourceVersion"]);
            Assert.NotEmpty(expected);
            foreach (var (name, version) in markers)
                Assert.Equal(expected.Contains(name) ? versions[name] : ExpectedSelection.Marker(pod, name), version);
            Assert.All(expected, name => Assert.True(markers.ContainsKey(name), $"no marker for {name}"));
        }

        // Every skipped PodDefault is named in a warning that the API server passes on unchanged.
        var invalid = ExpectedSelection.Invalid(podDefaults);
        Assert.Equal(answer.Warnings, ApiServerWarningRecorder.Receive(answer.Warnings));
        Assert.True(answer.Warnings.Length <= invalid.Length);
        foreach (var name in invalid)
            Assert.Contains(answer.Warnings, warning => warning.Contains(name, StringComparison.Ordinal));
    });

    [Fact]
    public void Sending_the_patched_pod_again_changes_nothing() => Sample(c =>
    {
        var answer = Answer.Of(c.Pod, c.PodDefaults);
        if (!answer.Allowed || answer.Patch is null)
            return;
        var patched = ConformanceJudge.ApplyPatch(c.Pod, answer.Patch).ToString(Newtonsoft.Json.Formatting.None);

        var again = Answer.Of(patched, c.PodDefaults);

        Assert.True(again.Allowed, again.Message);
        Assert.Null(again.Patch);
    });

    [Fact]
    public void The_patched_pod_keeps_everything_the_pod_had() => Sample(c =>
    {
        var answer = Answer.Of(c.Pod, c.PodDefaults);
        if (!answer.Allowed || answer.Patch is null)
            return;

        PodPreservation.Check(JToken.Parse(c.Pod), ConformanceJudge.ApplyPatch(c.Pod, answer.Patch));
    });

    [Fact]
    public void After_every_PodDefault_changes_version_the_patched_pod_needs_only_new_markers() => Sample(c =>
    {
        var answer = Answer.Of(c.Pod, c.PodDefaults);
        if (!answer.Allowed || answer.Patch is null)
            return;
        if (ExpectedSelection.AnySkippedAsApplied(JsonNode.Parse(c.Pod)!, c.PodDefaults.Select(pd => JsonNode.Parse(pd)!)))
            return; // its items were never merged: the new version adds them
        var patched = ConformanceJudge.ApplyPatch(c.Pod, answer.Patch).ToString(Newtonsoft.Json.Formatting.None);

        var bumped = c.Bumped().ToArray();
        var applied = ExpectedSelection.Applying(JsonNode.Parse(c.Pod)!, c.PodDefaults.Select(pd => JsonNode.Parse(pd)!));
        var stillSelected = ExpectedSelection.SelectedNames(JsonNode.Parse(patched)!, bumped.Select(pd => JsonNode.Parse(pd)!));
        if (applied.Except(stillSelected).Any())
            return; // its own labels falsified its selector (NotIn or DoesNotExist on a key it sets): its sidecars now count as the pod's

        var again = Answer.Of(patched, bumped);

        Assert.True(again.Allowed, again.Message);
        Assert.NotNull(again.Patch); // the markers at least
        var operations = JArray.Parse(again.Patch);
        Assert.All(operations, operation => Assert.Equal("add", (string?)operation["op"]));
        Assert.Equal(
            applied.Select(name => "/metadata/annotations/poddefault.admission.kubeflow.org~1poddefault-" + name).Order(StringComparer.Ordinal),
            operations.Select(operation => (string)operation["path"]!).Order(StringComparer.Ordinal));
    });

    [Fact]
    public void A_rejection_is_a_400_BadRequest_worded_as_Kubeflow_words_it() => Sample(c =>
    {
        var answer = Answer.Of(c.Pod, c.PodDefaults);
        if (answer.Allowed)
            return;

        var status = answer.Response["status"]!;
        Assert.Equal(400, (int)status["code"]!);
        Assert.Equal("BadRequest", (string?)status["reason"]);
        Assert.StartsWith(ConformanceJudge.ConflictPrefix, answer.Message, StringComparison.Ordinal);
        Assert.Null(answer.Patch);
        Assert.Null(answer.Response["patchType"]);
        Assert.DoesNotContain(Pools.LongValue, answer.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("password", answer.Message, StringComparison.Ordinal); // the secretKeyRef's key
    });

    /// <summary>The engine's answer, with the envelope checked: same apiVersion, kind, uid; a patch only with its type.</summary>
    private sealed record Answer(JsonObject Response, bool Allowed, string? Patch, string? Message, string[] Warnings)
    {
        public static Answer Of(string pod, IEnumerable<string> podDefaults)
        {
            var uid = Guid.NewGuid().ToString();
            var review = AdmissionCase.Admit(pod, podDefaults, uid);

            Assert.Equal("admission.k8s.io/v1", (string?)review["apiVersion"]);
            Assert.Equal("AdmissionReview", (string?)review["kind"]);
            var response = review["response"]!.AsObject();
            Assert.Equal(uid, (string?)response["uid"]);
            var allowed = (bool)response["allowed"]!;
            string? patch = null;
            if (response["patch"] is { } encoded)
            {
                Assert.True(allowed);
                Assert.Equal("JSONPatch", (string?)response["patchType"]);
                patch = Encoding.UTF8.GetString(Convert.FromBase64String((string)encoded!));
            }
            else
            {
                Assert.Null(response["patchType"]);
            }
            var warnings = (response["warnings"] as JsonArray ?? []).Select(w => (string)w!).ToArray();
            return new Answer(response, allowed, patch, (string?)response["status"]?["message"], warnings);
        }
    }
}
