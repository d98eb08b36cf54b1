using PodDefaults.Core.Json;
using PodDefaults.Core.Pods;
using static PodDefaults.Core.Fields.PodDefaultFields;

namespace PodDefaults.Tests.Core.Pods;

/// <summary>The shape reader records where the parts the merge needs are; it never copies or reformats them.</summary>
public sealed class PodShapeReaderTests
{
    private static (byte[] Body, AdmissionRequest Request) Read(string podJson)
    {
        // The pod goes in verbatim, so that escapes and spacing reach the reader as written.
        var body = Encoding.UTF8.GetBytes(EngineHarness.Review("""{"metadata":{}}""", requestNamespace: "team").Replace("""{"metadata":{}}""", podJson, StringComparison.Ordinal));
        var request = new AdmissionRequest();
        AdmissionReviewReader.Read(body, request);
        AdmissionReviewReader.ReadSpec(body, request, SpecNeeds.All);
        return (body, request);
    }

    private static string Text(byte[] body, JsonRange range) => Encoding.UTF8.GetString(range.In(body));

    [Fact]
    public void Names_and_namespace_are_read_unescaped()
    {
        var (body, request) = Read("""{"metadata":{"generateName":"job-","name":"p\u002d1","namespace":"t\u00e9am"}}""");
        var pod = request.Pod;

        Assert.Equal("p-1", pod.Name.ToString(body));
        Assert.Equal("job-", pod.GenerateName.ToString(body));
        Assert.Equal("téam", pod.Namespace.ToString(body));
        Assert.Equal("téam", request.PodNamespace.ToString(body));
    }

    [Fact]
    public void An_empty_pod_namespace_falls_back_to_the_request_namespace()
    {
        var (body, request) = Read("""{"metadata":{"name":"p","namespace":""}}""");
        Assert.Equal("team", request.PodNamespace.ToString(body));
    }

    [Fact]
    public void Missing_and_null_maps_are_absent_and_empty_maps_are_present()
    {
        var missing = Read("""{"metadata":{"name":"p"},"spec":{"containers":[{"name":"c"}]}}""").Request.Pod;
        Assert.False(missing.Labels.Present);
        Assert.False(missing.Annotations.Present);
        Assert.False(missing.Field(Named("nodeSelector")).Present);

        var nulls = Read("""{"metadata":{"name":"p","labels":null,"annotations":null},"spec":{"nodeSelector":null,"volumes":null,"containers":[{"name":"c","env":null,"resources":null}]}}""").Request.Pod;
        Assert.False(nulls.Labels.Present);
        Assert.False(nulls.Annotations.Present);
        Assert.False(nulls.Field(Named("nodeSelector")).Present);
        Assert.False(nulls.Field(Named("volumes")).Present);
        Assert.False(nulls.Containers[0].Field(Named("env")).Present);
        Assert.False(nulls.Containers[0].Field(Named("resources")).Present);

        var empty = Read("""{"metadata":{"name":"p","labels":{}},"spec":{"volumes":[],"containers":[{"name":"c","env":[],"resources":{}}]}}""").Request.Pod;
        Assert.True(empty.Labels.Present);
        Assert.Equal(0, empty.Labels.Count);
        Assert.True(empty.Field(Named("volumes")).Present);
        Assert.True(empty.Containers[0].Field(Named("env")).Present);
        Assert.True(empty.Containers[0].Field(Named("resources")).Present);
        Assert.False(empty.Containers[0].Limits.Present);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData(""","command":null""", false)]
    [InlineData(""","command":[]""", true)] // an empty command is one: docs/semantics.md §4 sets command only when absent
    [InlineData(""","command":["sh"]""", true)]
    public void A_command_is_present_unless_absent_or_null(string member, bool hasCommand)
    {
        var pod = Read($$$"""{"spec":{"containers":[{"name":"c"{{{member}}}}]}}""").Request.Pod;
        Assert.Equal(hasCommand, pod.Containers[0].Field(Named("command")).Present);
        Assert.False(pod.Containers[0].Field(Named("args")).Present);
    }

    [Fact]
    public void Entries_are_the_exact_bytes_of_the_request_with_their_keys()
    {
        const string env = """{ "value" : "1",  "name" : "A" }""";
        var (body, request) = Read($$$"""
            {"metadata":{"name":"p","labels":{"a\/b":"x", "c" : "y"}},
             "spec":{"containers":[{"name":"c","env":[{{{env}}},{"value":"2"}],
                                    "resources":{"limits":{"cpu":"1"},"requests":{"memory":"1Gi"} } }],
                     "serviceAccountName":"runner","automountServiceAccountToken":false}}
            """);
        var pod = request.Pod;

        Assert.Equal(["a/b", "c"], pod.Labels.Items.ToArray().Select(label => label.Key.ToString(body)));
        Assert.Equal(["\"x\"", "\"y\""], pod.Labels.Items.ToArray().Select(label => Text(body, label.Value)));
        var container = Assert.Single(pod.Containers);
        Assert.Equal(env, Text(body, container.Field(Named("env")).Items[0].Value));
        Assert.Equal("A", container.Field(Named("env")).Items[0].Key.ToString(body));
        Assert.False(container.Field(Named("env")).Items[1].Key.IsPresent); // an env var without a name keys nothing
        Assert.Equal("\"1\"", Text(body, container.Limits.Items.ToArray().Single().Value));
        Assert.Equal("memory", container.Requests.Items.ToArray().Single().Key.ToString(body));
        Assert.Equal("\"runner\"", Text(body, pod.Field(Named("serviceAccountName")).Items[0].Value));
        Assert.Equal("false", Text(body, pod.Field(Named("automountServiceAccountToken")).Items[0].Value));
        Assert.Equal("c", pod.ContainerItems.Items.ToArray().Single().Key.ToString(body));
        Assert.StartsWith("{\"name\":\"c\"", Text(body, pod.ContainerItems.Items.ToArray().Single().Value), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_members_anywhere_are_skipped()
    {
        var (_, request) = Read("""
            {"metadata":{"name":"p","x":{"labels":["not", "these"]}},"status":{"phase":"Pending"},
             "spec":{"overhead":{"cpu":"1"},"containers":[{"name":"c","ports":[{"containerPort":80}],"resources":{"claims":[{"name":"gpu"}]}}],
                     "ephemeralContainers":[{"name":"debug","env":"not a list"}]}}
            """);

        Assert.False(request.Pod.Labels.Present);
        Assert.Single(request.Pod.Containers);
        Assert.True(request.Pod.Containers[0].Field(Named("resources")).Present);
        Assert.False(request.Pod.Containers[0].Limits.Present);
    }
}
