using PodDefaults.Core.Pods;

namespace PodDefaults.Tests.Core.Admission;

/// <summary>Every 400 reason of docs/semantics.md §2, and the envelopes that must be accepted.</summary>
public sealed class AdmissionReviewReaderTests
{
    private const string Pod = """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"ns"},"spec":{"containers":[{"name":"c","image":"i"}]}}""";

    private static string PodCreate(string? uid = "\"u-1\"", string apiVersion = "\"admission.k8s.io/v1\"", string kind = "\"AdmissionReview\"", string obj = Pod) =>
        $$$"""
        {"apiVersion":{{{apiVersion}}},"kind":{{{kind}}},
         "request":{"uid":{{{uid ?? "null"}}},"operation":"CREATE","namespace":"ns",
                    "resource":{"group":"","version":"v1","resource":"pods"},"object":{{{obj}}}}}
        """;

    private static AdmissionRequest Read(string body)
    {
        // The whole pod, as when a PodDefault that touches every part of it is applied.
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new AdmissionRequest();
        AdmissionReviewReader.Read(bytes, request);
        if (request.IsPodCreate(bytes))
            AdmissionReviewReader.ReadSpec(bytes, request, SpecNeeds.All);
        return request;
    }

    private static string Rejects(string body) => Assert.Throws<AdmissionReviewFormatException>(() => Read(body)).Message;

    [Theory]
    [InlineData("not json", "not a valid AdmissionReview")]
    [InlineData("", "not a valid AdmissionReview")]
    [InlineData("{\"apiVersion\":", "not a valid AdmissionReview")]
    [InlineData("[]", "not a JSON object")]
    [InlineData("\"AdmissionReview\"", "not a JSON object")]
    [InlineData("42", "not a JSON object")]
    [InlineData("null", "not a JSON object")]
    public void A_body_that_is_not_a_JSON_object_is_rejected(string body, string reason) =>
        Assert.Contains(reason, Rejects(body), StringComparison.Ordinal);

    [Theory]
    [InlineData(" x")]
    [InlineData("{}")]
    [InlineData(",")]
    [InlineData("\n{\"apiVersion\":\"admission.k8s.io/v1\"}")]
    public void Trailing_content_after_the_review_is_rejected(string trailer) =>
        Assert.Contains("not a valid AdmissionReview", Rejects(PodCreate() + trailer), StringComparison.Ordinal);

    [Fact]
    public void Trailing_whitespace_is_fine() => Read(PodCreate() + " \r\n\t ");

    [Theory]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview"}""", "request is missing")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":null}""", "request is missing")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":[]}""", "request: expected an object")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","response":{"uid":"u"}}""", "request is missing")]
    public void A_review_without_request_is_rejected(string body, string reason) =>
        Assert.Contains(reason, Rejects(body), StringComparison.Ordinal);

    [Theory]
    [InlineData(null, "request.uid is missing")]
    [InlineData("\"\"", "request.uid is missing")]
    [InlineData("17", "request.uid: expected a string, found a number")]
    [InlineData("{}", "request.uid: expected a string, found an object")]
    public void A_request_without_uid_is_rejected(string? uid, string reason) =>
        Assert.Contains(reason, Rejects(PodCreate(uid: uid)), StringComparison.Ordinal);

    [Fact]
    public void A_request_with_no_uid_member_is_rejected() =>
        Assert.Contains("request.uid is missing", Rejects(PodCreate().Replace("\"uid\":\"u-1\",", "")), StringComparison.Ordinal);

    [Theory]
    [InlineData("\"admission.k8s.io/v2\"", "unknown apiVersion \"admission.k8s.io/v2\"")]
    [InlineData("\"v1\"", "unknown apiVersion \"v1\"")]
    [InlineData("\"Admission.k8s.io/v1\"", "unknown apiVersion")]
    [InlineData("null", "apiVersion is missing")]
    [InlineData("1", "apiVersion: expected a string")]
    public void An_unknown_apiVersion_is_rejected(string apiVersion, string reason) =>
        Assert.Contains(reason, Rejects(PodCreate(apiVersion: apiVersion)), StringComparison.Ordinal);

    [Fact]
    public void A_missing_apiVersion_is_rejected() =>
        Assert.Contains("apiVersion is missing", Rejects(PodCreate().Replace("\"apiVersion\":\"admission.k8s.io/v1\",", "")), StringComparison.Ordinal);

    [Theory]
    [InlineData("\"Pod\"", "kind is \"Pod\", not AdmissionReview")]
    [InlineData("\"admissionreview\"", "not AdmissionReview")]
    [InlineData("[]", "kind: expected a string")]
    public void A_kind_other_than_AdmissionReview_is_rejected(string kind, string reason) =>
        Assert.Contains(reason, Rejects(PodCreate(kind: kind)), StringComparison.Ordinal);

    [Theory]
    [InlineData("null")]
    public void A_pod_CREATE_without_object_is_rejected(string obj) =>
        Assert.Contains("request.object is missing for a pod CREATE", Rejects(PodCreate(obj: obj)), StringComparison.Ordinal);

    [Fact]
    public void A_pod_CREATE_with_no_object_member_is_rejected() =>
        Assert.Contains("request.object is missing", Rejects(PodCreate().Replace(",\"object\":" + Pod, "")), StringComparison.Ordinal);

    [Theory]
    [InlineData("""{"metadata":{"name":"p"},"spec":{"containers":"app"}}""", "request.object.spec.containers: expected a list, found a string")]
    [InlineData("""{"metadata":{"name":"p"},"spec":{"containers":["app"]}}""", "request.object.spec.containers: expected a list of objects")]
    [InlineData("""{"metadata":{"name":"p"},"spec":[]}""", "request.object.spec: expected an object")]
    [InlineData("""{"metadata":"p"}""", "request.object.metadata: expected an object")]
    [InlineData("""{"metadata":{"labels":["a"]}}""", "request.object.metadata.labels: expected an object")]
    [InlineData("""{"metadata":{"annotations":{"a":"b"},"name":7}}""", "request.object.metadata.name: expected a string")]
    [InlineData("""{"spec":{"containers":[{"name":"c","env":{"A":"1"}}]}}""", "request.object.spec.containers[].env: expected a list")]
    [InlineData("""{"spec":{"containers":[{"name":"c","env":[1]}]}}""", "request.object.spec.containers[].env: expected a list of objects")]
    [InlineData("""{"spec":{"containers":[{"name":"c","resources":{"limits":[]}}]}}""", "request.object.spec.containers[].resources.limits: expected an object")]
    [InlineData("""{"spec":{"volumes":{"name":"v"}}}""", "request.object.spec.volumes: expected a list")]
    [InlineData("""{"spec":{"tolerations":"all"}}""", "request.object.spec.tolerations: expected a list")]
    [InlineData("""{"spec":{"securityContext":1}}""", "request.object.spec.securityContext: expected an object")]
    [InlineData("\"a pod\"", "request.object: expected an object")]
    [InlineData("[]", "request.object: expected an object")]
    public void A_pod_CREATE_whose_object_is_not_a_pod_is_rejected(string obj, string reason)
    {
        var message = Rejects(PodCreate(obj: obj));

        Assert.StartsWith("the body is not a valid AdmissionReview: ", message, StringComparison.Ordinal);
        Assert.Contains(reason, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"kind":"Deployment","spec":{"containers":"not a pod","template":{}}}""")]
    [InlineData("""{"spec":[]}""")]
    [InlineData("\"scalar\"")]
    public void A_non_pod_resource_whose_object_is_not_a_pod_is_fine_whatever_the_member_order(string obj)
    {
        // The object comes before "resource" and "operation": the reader only learns afterwards that it
        // need not be a pod.
        var objectFirst = $$$"""
            {"kind":"AdmissionReview","request":{"object":{{{obj}}},"uid":"u-2","operation":"CREATE",
             "resource":{"group":"apps","version":"v1","resource":"deployments"}},"apiVersion":"admission.k8s.io/v1"}
            """;
        var objectLast = $$$"""
            {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u-2","operation":"CREATE",
             "resource":{"group":"apps","version":"v1","resource":"deployments"},"object":{{{obj}}}}}
            """;

        foreach (var body in new[] { objectFirst, objectLast })
        {
            var request = Read(body);
            Assert.False(request.IsPodCreate(Encoding.UTF8.GetBytes(body)));
            Assert.Equal("u-2", request.Uid.ToString(Encoding.UTF8.GetBytes(body)));

            var response = JsonNode.Parse(Answer(body))!["response"]!;
            Assert.True((bool)response["allowed"]!);
            Assert.Null(response["patch"]);
            Assert.Equal("u-2", (string?)response["uid"]);
        }
    }

    [Theory]
    [InlineData("UPDATE", "pods", "")]
    [InlineData("CREATE", "pods", "status")]
    [InlineData("CREATE", "pods", "ephemeralcontainers")]
    public void A_pod_request_that_is_not_a_plain_CREATE_need_not_carry_a_pod(string operation, string resource, string subResource)
    {
        var body = $$$"""
            {"request":{"object":{"spec":{"containers":"x"}},"uid":"u","operation":"{{{operation}}}","subResource":"{{{subResource}}}",
             "resource":{"group":"","version":"v1","resource":"{{{resource}}}"}},"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview"}
            """;

        Assert.False(Read(body).IsPodCreate(Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void A_truncated_object_of_a_non_pod_resource_is_still_rejected()
    {
        var body = """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","resource":{"resource":"deployments"},"object":{"spec":""";
        Assert.Contains("not a valid AdmissionReview", Rejects(body), StringComparison.Ordinal);
    }

    [Fact]
    public void Member_order_of_the_envelope_does_not_matter()
    {
        var canonical = JsonNode.Parse(PodCreate())!.AsObject();
        var reordered = new JsonObject();
        foreach (var name in new[] { "request", "kind", "apiVersion" })
            reordered[name] = canonical[name]!.DeepClone();
        var request = reordered["request"]!.AsObject();
        var requestReordered = new JsonObject();
        foreach (var name in new[] { "object", "resource", "namespace", "operation", "uid" })
            requestReordered[name] = request[name]!.DeepClone();
        reordered["request"] = requestReordered;

        foreach (var body in new[] { PodCreate(), reordered.ToJsonString() })
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            var read = Read(body);
            Assert.True(read.IsPodCreate(bytes));
            Assert.Equal("u-1", read.Uid.ToString(bytes));
            Assert.Equal("ns", read.PodNamespace.ToString(bytes));
            Assert.Equal("p", read.Pod.Name.ToString(bytes));
            Assert.Single(read.Pod.Containers);
        }
    }

    [Fact]
    public void V1beta1_is_read_and_answered_as_v1beta1()
    {
        var body = PodCreate(apiVersion: "\"admission.k8s.io/v1beta1\"");
        Assert.Equal(AdmissionApiVersion.V1Beta1, Read(body).ApiVersion);

        var response = JsonNode.Parse(Answer(body))!;
        Assert.Equal("admission.k8s.io/v1beta1", (string?)response["apiVersion"]);
    }

    [Fact]
    public void A_missing_kind_is_accepted() =>
        Read(PodCreate().Replace("\"kind\":\"AdmissionReview\",", ""));

    [Theory]
    [InlineData("\"\\u0075id-\\u00e9\"", "uid-é")]
    [InlineData("\"a\\\"b\\\\c\"", "a\"b\\c")]
    [InlineData("\"tab\\there\"", "tab\there")]
    [InlineData("\"\\ud83d\\ude00\"", "😀")]
    [InlineData("\"plain-0f1e\"", "plain-0f1e")]
    public void A_uid_with_escapes_is_echoed_as_its_text(string uidJson, string uid)
    {
        var response = JsonNode.Parse(Answer(PodCreate(uid: uidJson)))!;

        Assert.Equal(uid, (string?)response["response"]!["uid"]);
    }

    private static string Answer(string body)
    {
        var harness = new EngineHarness();
        using var output = new PodDefaults.Core.Buffers.PooledBufferWriter();
        using (harness.Engine.Review(Encoding.UTF8.GetBytes(body), output))
        {
        }
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}
