using PodDefaults.Core.Merge;

namespace PodDefaults.Tests.Core.Merge;

public sealed class LimitRangerAnnotationTests
{
    [Fact]
    public void Several_clauses_each_list_their_resources()
    {
        var annotation = LimitRangerAnnotation.Parse(
            "LimitRanger plugin set: cpu, memory request for container app; cpu limit for container app; memory limit for container sidecar");

        Assert.True(annotation.Defaulted("app", "requests", "cpu"));
        Assert.True(annotation.Defaulted("app", "requests", "memory"));
        Assert.True(annotation.Defaulted("app", "limits", "cpu"));
        Assert.False(annotation.Defaulted("app", "limits", "memory"));
        Assert.True(annotation.Defaulted("sidecar", "limits", "memory"));
        Assert.False(annotation.Defaulted("sidecar", "requests", "memory"));
        Assert.False(annotation.Defaulted("other", "requests", "cpu"));
    }

    [Fact]
    public void Extended_resources_and_dashed_container_names_are_kept_whole()
    {
        var annotation = LimitRangerAnnotation.Parse(
            "LimitRanger plugin set: nvidia.com/gpu, ephemeral-storage limit for container ml-worker-0");

        Assert.True(annotation.Defaulted("ml-worker-0", "limits", "nvidia.com/gpu"));
        Assert.True(annotation.Defaulted("ml-worker-0", "limits", "ephemeral-storage"));
    }

    [Fact]
    public void Init_containers_are_ignored()
    {
        // Init containers never receive resources from a PodDefault, so their clauses must not leak onto a
        // regular container of the same name.
        var annotation = LimitRangerAnnotation.Parse(
            "LimitRanger plugin set: cpu request for init container setup; memory request for container setup");

        Assert.False(annotation.Defaulted("setup", "requests", "cpu"));
        Assert.True(annotation.Defaulted("setup", "requests", "memory"));
    }

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
