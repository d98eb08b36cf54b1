namespace PodDefaults.Tests.Core.Admission;

/// <summary>
/// A member name twice anywhere the webhook reads is a 400 naming the member (docs/semantics.md §2): the API
/// server never sends one, and a reader that took the first where the API server took the last would decide on a
/// different pod. Driven through the engine (and once over HTTP), so the tests hold for any reader.
/// </summary>
public sealed class DuplicateMemberTests
{
    private static readonly EngineHarness Harness = new(
        """{"metadata":{"name":"pd","namespace":"team","resourceVersion":"1"},"spec":{"selector":{"matchLabels":{"app":"web"}},"env":[{"name":"A","value":"1"}],"resources":{"limits":{"cpu":"1"}},"nodeSelector":{"disk":"ssd"}}}""");

    /// <summary>A pod CREATE with every member the webhook reads; <c>DUP</c> marks where a test adds a member.</summary>
    private const string Template = """
        {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview",ENVELOPE
         "request":{"uid":"u-1",REQUEST"operation":"CREATE","namespace":"team","name":"p",
           "resource":{"group":"",RESOURCE"version":"v1","resource":"pods"},
           "object":{"metadata":{"name":"p",METADATA"namespace":"team","labels":{"app":"web",LABELS"tier":"x"},
                                 "annotations":{"a":"1"ANNOTATIONS}},
                     "spec":{SPEC"containers":[{"name":"c",CONTAINER"image":"i","env":[{"name":"B",ENVITEM"value":"2"}],
                                               "resources":{"limits":{"memory":"1Gi"LIMITS}}}],
                             "nodeSelector":{"zone":"a"NODESELECTOR}}}}}
        """;

    private static readonly string[] Markers =
        ["ENVELOPE", "REQUEST", "RESOURCE", "METADATA", "LABELS", "ANNOTATIONS", "SPEC", "CONTAINER", "ENVITEM", "LIMITS", "NODESELECTOR"];

    private static string Review(string marker, string insert)
    {
        var review = Template;
        foreach (var m in Markers)
            review = review.Replace(m, m == marker ? insert : "", StringComparison.Ordinal);
        return review;
    }

    public static TheoryData<string, string, string> Duplicates() => new()
    {
        { "ENVELOPE", "\"kind\":\"AdmissionReview\",", "kind" },
        { "ENVELOPE", "\"apiVersion\":\"admission.k8s.io/v1beta1\",", "apiVersion" },
        { "REQUEST", "\"uid\":\"u-2\",", "request.uid" },
        { "REQUEST", "\"operation\":\"UPDATE\",", "request.operation" },
        { "REQUEST", "\"namespace\":\"other\",", "request.namespace" },
        { "REQUEST", "\"object\":{},", "request.object" },
        { "RESOURCE", "\"resource\":\"configmaps\",", "request.resource.resource" },
        { "METADATA", "\"name\":\"q\",", "request.object.metadata.name" },
        { "METADATA", "\"namespace\":\"other\",", "request.object.metadata.namespace" },
        { "METADATA", "\"labels\":{},", "request.object.metadata.labels" },
        { "METADATA", "\"annotations\":{\"poddefault.admission.kubeflow.org/exclude\":\"true\"},", "request.object.metadata.annotations" },
        { "LABELS", "\"app\":\"db\",", "request.object.metadata.labels" },
        { "LABELS", "\"\\u0061pp\":\"db\",", "request.object.metadata.labels" }, // the same name, escaped
        { "ANNOTATIONS", ",\"a\":\"2\"", "request.object.metadata.annotations" },
        { "SPEC", "\"containers\":[{\"name\":\"hidden\"}],", "request.object.spec.containers" },
        { "SPEC", "\"nodeSelector\":{},", "request.object.spec.nodeSelector" },
        { "CONTAINER", "\"name\":\"d\",", "request.object.spec.containers[].name" },
        { "CONTAINER", "\"env\":[],", "request.object.spec.containers[].env" },
        { "CONTAINER", "\"resources\":{},", "request.object.spec.containers[].resources" },
        { "ENVITEM", "\"name\":\"A\",", "request.object.spec.containers[].env" },
        { "LIMITS", ",\"memory\":\"2Gi\"", "request.object.spec.containers[].resources.limits" },
        { "NODESELECTOR", ",\"zone\":\"b\"", "request.object.spec.nodeSelector" },
    };

    [Fact]
    public void The_template_without_duplicates_is_answered()
    {
        var response = Harness.Send(Review("", ""));
        Assert.True((bool)response["allowed"]!);
        Assert.NotNull(EngineHarness.PatchOf(response));
    }

    [Theory]
    [MemberData(nameof(Duplicates))]
    public void A_duplicate_member_is_a_format_error_naming_it(string marker, string insert, string path)
    {
        var body = Encoding.UTF8.GetBytes(Review(marker, insert));
        using var output = new PooledBufferWriter();
        var error = Assert.Throws<AdmissionReviewFormatException>(() => Harness.Engine.Review(body, output).Dispose());
        Assert.Contains(path + ":", error.Message, StringComparison.Ordinal);
        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_map_larger_than_the_linear_check_still_finds_its_duplicate()
    {
        var labels = string.Concat(Enumerable.Range(0, 200).Select(i => $"\"k{i}\":\"v\","));
        var body = Encoding.UTF8.GetBytes(Review("LABELS", labels + "\"k7\":\"again\","));
        using var output = new PooledBufferWriter();
        Assert.Throws<AdmissionReviewFormatException>(() => Harness.Engine.Review(body, output).Dispose());

        var distinct = Encoding.UTF8.GetBytes(Review("LABELS", labels));
        output.Clear();
        using var admission = Harness.Engine.Review(distinct, output);
        Assert.Equal(AdmissionOutcome.Patched, admission.Outcome);
    }

    [Fact]
    public async Task Over_HTTP_a_duplicate_member_is_a_400_with_the_reason()
    {
        await using var webhook = await WebhookTestServer.StartAsync(_ => { });
        using var response = await webhook.PostReviewAsync(Review("LABELS", "\"app\":\"db\","));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var reason = await response.Content.ReadAsStringAsync();
        Assert.Contains("request.object.metadata.labels: the member \"app\" appears twice", reason, StringComparison.Ordinal);
    }
}
