namespace PodDefaults.Tests.Core.Admission;

/// <summary>What a second call (reinvocation, or a newer PodDefault version) sees of the first one's work.</summary>
public sealed class ReinvocationTests
{
    private const string Sidecar = """
        {"metadata":{"name":"a-sidecar","namespace":"ns","resourceVersion":"1"},
         "spec":{"selector":{"matchLabels":{"app":"x"}},"sidecars":[{"name":"shipper","image":"fluent-bit"}]}}
        """;

    private static string Env(string resourceVersion) =>
        """{"metadata":{"name":"b-env","namespace":"ns","resourceVersion":""" + "\"" + resourceVersion + "\"}," +
        """ "spec":{"selector":{"matchLabels":{"app":"x"}},"env":[{"name":"LOG_DIR","value":"/logs"}]}}""";

    [Fact]
    public void A_sidecar_injected_earlier_gets_no_env_when_only_another_poddefault_is_reapplied()
    {
        // The pod as the first call left it: the sidecar of a-sidecar (still current) and b-env's env at an old version.
        const string pod = """
            {"metadata":{"name":"p","namespace":"ns","labels":{"app":"x"},"annotations":{
               "poddefault.admission.kubeflow.org/poddefault-a-sidecar":"1",
               "poddefault.admission.kubeflow.org/poddefault-b-env":"1"}},
             "spec":{"containers":[{"name":"main","env":[{"name":"LOG_DIR","value":"/logs"}]},{"name":"shipper","image":"fluent-bit"}]}}
            """;
        var harness = new EngineHarness(Sidecar, Env("2"));

        var patch = EngineHarness.PatchOf(harness.Create(pod));

        Assert.NotNull(patch);
        Assert.DoesNotContain("/spec/containers/1", patch);
        Assert.Contains("poddefault-b-env", patch);
    }

    [Fact]
    public void A_pooled_admission_reports_no_conflicts_of_the_previous_pod()
    {
        var harness = new EngineHarness(Env("1"));
        const string conflicting = """{"metadata":{"name":"c","namespace":"ns","labels":{"app":"x"}},"spec":{"containers":[{"name":"m","env":[{"name":"LOG_DIR","value":"/other"}]}]}}""";
        const string unrelated = """{"metadata":{"name":"u","namespace":"ns","labels":{"app":"y"}},"spec":{"containers":[{"name":"m"}]}}""";
        using (var output = new PooledBufferWriter())
        using (var first = harness.Engine.Review(System.Text.Encoding.UTF8.GetBytes(EngineHarness.Review(conflicting)), output))
            Assert.Equal(AdmissionOutcome.Conflict, first.Outcome);

        using var next = new PooledBufferWriter();
        using var second = harness.Engine.Review(System.Text.Encoding.UTF8.GetBytes(EngineHarness.Review(unrelated)), next);

        Assert.Equal(AdmissionOutcome.Unchanged, second.Outcome);
        Assert.Empty(second.Conflicts);
    }
}
