using PodDefaults.Core.Merge;

namespace PodDefaults.Tests.Core.Merge;

public sealed class LimitRangerAnnotationTests
{
    private const string SeveralClauses =
        "LimitRanger plugin set: cpu, memory request for container app; cpu limit for container app; memory limit for container sidecar";

    private const string ExtendedResources = "LimitRanger plugin set: nvidia.com/gpu, ephemeral-storage limit for container ml-worker-0";

    // Init containers never receive resources from a PodDefault, so their clauses must not leak onto a regular
    // container of the same name.
    private const string InitContainer = "LimitRanger plugin set: cpu request for init container setup; memory request for container setup";

    [Theory]
    // Several clauses each list their resources.
    [InlineData(SeveralClauses, "app", "requests", "cpu", true)]
    [InlineData(SeveralClauses, "app", "requests", "memory", true)]
    [InlineData(SeveralClauses, "app", "limits", "cpu", true)]
    [InlineData(SeveralClauses, "app", "limits", "memory", false)]
    [InlineData(SeveralClauses, "sidecar", "limits", "memory", true)]
    [InlineData(SeveralClauses, "sidecar", "requests", "memory", false)]
    [InlineData(SeveralClauses, "other", "requests", "cpu", false)]
    // Extended resources and dashed container names are kept whole.
    [InlineData(ExtendedResources, "ml-worker-0", "limits", "nvidia.com/gpu", true)]
    [InlineData(ExtendedResources, "ml-worker-0", "limits", "ephemeral-storage", true)]
    // Init containers are ignored.
    [InlineData(InitContainer, "setup", "requests", "cpu", false)]
    [InlineData(InitContainer, "setup", "requests", "memory", true)]
    public void Each_clause_marks_what_it_lists_for_its_container(string text, string container, string kind, string resource, bool defaulted) =>
        Assert.Equal(defaulted, LimitRangerAnnotation.Parse(text).Defaulted(container, kind, resource));

    [Theory]
    [InlineData("")]
    [InlineData("cpu request for container app")] // no prefix
    [InlineData("LimitRanger plugin set:cpu request for container app")] // no space after the colon
    [InlineData("limitranger plugin set: cpu request for container app")]
    [InlineData("LimitRanger plugin set: ")]
    [InlineData("LimitRanger plugin set: cpu for container app")]
    [InlineData("LimitRanger plugin set: cpu requests for container app")]
    [InlineData("LimitRanger plugin set: ; ; ;")]
    [InlineData("{\"cpu\":\"app\"}")]
    public void Malformed_text_defaults_nothing(string value)
    {
        var annotation = LimitRangerAnnotation.Parse(value);

        Assert.False(annotation.Defaulted("app", "requests", "cpu"));
        Assert.False(annotation.Defaulted("app", "limits", "cpu"));
    }

    [Fact]
    public void A_malformed_clause_does_not_spoil_the_others()
    {
        var annotation = LimitRangerAnnotation.Parse("LimitRanger plugin set: garbage; memory limit for container app");

        Assert.True(annotation.Defaulted("app", "limits", "memory"));
    }
}
