using Newtonsoft.Json.Linq;
using PodDefaults.Tests.Conformance;

namespace PodDefaults.Tests.Core.Patch;

/// <summary>
/// Patches for pods whose lists and maps are missing, <c>null</c> or escaped: each applies with an RFC 6902
/// implementation that is not ours and yields the merged pod.
/// </summary>
public sealed class PodPatchTests
{
    private const string Everything = """
        {"metadata":{"name":"all","namespace":"ns","resourceVersion":"7"},
         "spec":{"selector":{},
                 "labels":{"a~b/c":"1"},"annotations":{"x/y":"2"},
                 "env":[{"name":"E","value":"1"}],"envFrom":[{"configMapRef":{"name":"cm"}}],
                 "volumeMounts":[{"name":"v","mountPath":"/v"}],"volumes":[{"name":"v","emptyDir":{}}],
                 "tolerations":[{"key":"k","operator":"Exists"}],"imagePullSecrets":[{"name":"reg"}],
                 "initContainers":[{"name":"init","image":"i"}],"sidecars":[{"name":"side","image":"s"}],
                 "nodeSelector":{"disk":"ssd"},"securityContext":{"runAsUser":1000},
                 "affinity":{"nodeAffinity":{"preferredDuringSchedulingIgnoredDuringExecution":[]}},
                 "resources":{"limits":{"cpu":"1"},"requests":{"cpu":"500m"}},
                 "command":["run"],"args":["--x"],"serviceAccountName":"sa","automountServiceAccountToken":false}}
        """;

    private const string Merged = """
        {"metadata":{"name":"p","namespace":"ns",
                     "labels":{"a~b/c":"1"},
                     "annotations":{"x/y":"2","poddefault.admission.kubeflow.org/poddefault-all":"7"}},
         "spec":{"containers":[{"name":"c","env":[{"name":"E","value":"1"}],"envFrom":[{"configMapRef":{"name":"cm"}}],
                                "volumeMounts":[{"name":"v","mountPath":"/v"}],"command":["run"],"args":["--x"],
                                "resources":{"limits":{"cpu":"1"},"requests":{"cpu":"500m"}}},
                               {"name":"side","image":"s"}],
                 "initContainers":[{"name":"init","image":"i"}],"volumes":[{"name":"v","emptyDir":{}}],
                 "tolerations":[{"key":"k","operator":"Exists"}],"imagePullSecrets":[{"name":"reg"}],
                 "nodeSelector":{"disk":"ssd"},"securityContext":{"runAsUser":1000},
                 "affinity":{"nodeAffinity":{"preferredDuringSchedulingIgnoredDuringExecution":[]}},
                 "serviceAccountName":"sa","automountServiceAccountToken":false}}
        """;

    public static TheoryData<string> Pods() => new()
    {
        // Everything missing.
        """{"metadata":{"name":"p","namespace":"ns"},"spec":{"containers":[{"name":"c"}]}}""",
        // Everything null.
        """
        {"metadata":{"name":"p","namespace":"ns","labels":null,"annotations":null},
         "spec":{"containers":[{"name":"c","env":null,"envFrom":null,"volumeMounts":null,"command":null,"args":null,"resources":null}],
                 "initContainers":null,"volumes":null,"tolerations":null,"imagePullSecrets":null,"nodeSelector":null,
                 "securityContext":null,"affinity":null,"serviceAccountName":null,"automountServiceAccountToken":null}}
        """,
        // Everything empty.
        """
        {"metadata":{"name":"p","namespace":"ns","labels":{},"annotations":{}},
         "spec":{"containers":[{"name":"c","env":[],"envFrom":[],"volumeMounts":[],"resources":{"limits":{},"requests":{}}}],
                 "initContainers":[],"volumes":[],"tolerations":[],"imagePullSecrets":[],"nodeSelector":{},
                 "securityContext":{},"affinity":{}}}
        """,
    };

    [Theory]
    [MemberData(nameof(Pods))]
    public void Missing_null_or_empty_members_are_created_and_the_patch_applies(string pod)
    {
        var harness = new EngineHarness(Everything);

        var response = harness.Create(pod);

        Assert.True((bool)response["allowed"]!);
        var result = ConformanceJudge.ApplyPatch(pod, EngineHarness.PatchOf(response)!);
        var expected = JToken.Parse(Merged);
        Assert.True(JToken.DeepEquals(expected, result), $"got {result}");
    }

    [Fact]
    public void A_pod_without_metadata_or_spec_gets_them()
    {
        var harness = new EngineHarness(
            """{"metadata":{"name":"pd","namespace":"ns","resourceVersion":"1"},"spec":{"selector":{},"volumes":[{"name":"v","emptyDir":{}}]}}""");
        const string pod = """{"apiVersion":"v1","kind":"Pod"}""";

        var response = harness.Send(EngineHarness.Review(pod, requestNamespace: "ns"));

        var result = ConformanceJudge.ApplyPatch(pod, EngineHarness.PatchOf(response)!);
        Assert.Equal("1", (string?)result["metadata"]!["annotations"]!["poddefault.admission.kubeflow.org/poddefault-pd"]);
        Assert.Equal("v", (string?)result["spec"]!["volumes"]![0]!["name"]);
    }

    [Fact]
    public void Keys_that_need_escaping_in_paths_are_added_to_existing_maps()
    {
        var harness = new EngineHarness(
            """{"metadata":{"name":"pd","namespace":"ns","resourceVersion":"1"},"spec":{"selector":{},"labels":{"~01":"a","a/b~c":"b"},"nodeSelector":{"x/~":"c"}}}""");
        const string pod = """{"metadata":{"name":"p","namespace":"ns","labels":{"~1":"kept"}},"spec":{"containers":[],"nodeSelector":{"~":"kept"}}}""";

        var response = harness.Create(pod);

        var patch = EngineHarness.PatchOf(response)!;
        Assert.Contains("/metadata/labels/~001", patch, StringComparison.Ordinal);
        Assert.Contains("/metadata/labels/a~1b~0c", patch, StringComparison.Ordinal);
        var result = ConformanceJudge.ApplyPatch(pod, patch);
        Assert.True(JToken.DeepEquals(JObject.Parse("""{"~1":"kept","~01":"a","a/b~c":"b"}"""), result["metadata"]!["labels"]));
        Assert.True(JToken.DeepEquals(JObject.Parse("""{"~":"kept","x/~":"c"}"""), result["spec"]!["nodeSelector"]));
    }
}
