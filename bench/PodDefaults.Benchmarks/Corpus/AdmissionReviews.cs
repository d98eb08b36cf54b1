using System.Text.Json.Nodes;

namespace PodDefaults.Benchmarks.Corpus;

/// <summary>Wraps a pod into the AdmissionReview (v1) the API server sends for its CREATE.</summary>
public static class AdmissionReviews
{
    public static JsonObject Create(Random random, JsonObject pod)
    {
        var ns = (string)pod["metadata"]!["namespace"]!;
        return new JsonObject
        {
            ["kind"] = "AdmissionReview",
            ["apiVersion"] = "admission.k8s.io/v1",
            ["request"] = new JsonObject
            {
                ["uid"] = new Guid([.. Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256))]).ToString(),
                ["kind"] = GroupVersion("kind", "Pod"),
                ["resource"] = GroupVersion("resource", "pods"),
                ["requestKind"] = GroupVersion("kind", "Pod"),
                ["requestResource"] = GroupVersion("resource", "pods"),
                ["namespace"] = ns,
                ["operation"] = "CREATE",
                ["userInfo"] = new JsonObject
                {
                    ["username"] = "system:serviceaccount:kube-system:statefulset-controller",
                    ["uid"] = "5b0f2ac4-8e3c-4e0e-9d59-1f0a3b7c2d11",
                    ["groups"] = new JsonArray("system:serviceaccounts", "system:serviceaccounts:kube-system", "system:authenticated"),
                },
                ["object"] = pod,
                ["oldObject"] = null,
                ["dryRun"] = false,
                ["options"] = new JsonObject { ["kind"] = "CreateOptions", ["apiVersion"] = "meta.k8s.io/v1" },
            },
        };
    }

    private static JsonObject GroupVersion(string member, string value) => new() { ["group"] = "", ["version"] = "v1", [member] = value };
}
