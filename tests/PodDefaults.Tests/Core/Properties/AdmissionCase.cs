namespace PodDefaults.Tests.Core.Properties;

/// <summary>One generated admission: a pod and the PodDefaults of the cluster, as JSON text.</summary>
public sealed record AdmissionCase(string Pod, string[] PodDefaults)
{
    public static readonly Gen<AdmissionCase> Gen =
        from pod in PodGenerator.Pod
        from podDefaults in PodDefaultGenerator.PodDefaults
        select new AdmissionCase(pod.ToJsonString(), podDefaults.Select(pd => pd.ToJsonString()).ToArray());

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Readable when a property fails: paste-able into a unit test.</summary>
    public static string Print(AdmissionCase c) =>
        $"pod:\n{Pretty(c.Pod)}\npoddefaults:\n{string.Join("\n", c.PodDefaults.Select(Pretty))}";

    private static string Pretty(string json) => JsonNode.Parse(json)!.ToJsonString(Indented);

    /// <summary>Runs the real engine on <paramref name="pod"/> against these PodDefaults.</summary>
    public static JsonObject Admit(string pod, IEnumerable<string> podDefaults, string uid)
    {
        var holder = new SnapshotHolder();
        holder.Publish(holder.Current.ReplaceAll(podDefaults.Select(json =>
        {
            using var document = JsonDocument.Parse(json);
            return PodDefaultParser.Parse(document.RootElement);
        })));
        var engine = new AdmissionEngine(holder);
        using var output = new PooledBufferWriter();
        using (engine.Review(Encoding.UTF8.GetBytes(Review(pod, uid)), output))
        {
        }
        return JsonNode.Parse(output.WrittenSpan)!.AsObject();
    }

    /// <summary>The AdmissionReview the API server sends for a pod CREATE (as ConformanceCase.BuildReview builds it).</summary>
    public static string Review(string podJson, string uid)
    {
        var pod = JsonNode.Parse(podJson)!;
        var request = new JsonObject
        {
            ["uid"] = uid,
            ["kind"] = new JsonObject { ["group"] = "", ["version"] = "v1", ["kind"] = "Pod" },
            ["resource"] = new JsonObject { ["group"] = "", ["version"] = "v1", ["resource"] = "pods" },
            ["requestKind"] = new JsonObject { ["group"] = "", ["version"] = "v1", ["kind"] = "Pod" },
        };
        if (pod["metadata"]?["name"] is { } name)
            request["name"] = name.DeepClone();
        // Pods made by controllers arrive without metadata.namespace; the request always names it.
        request["namespace"] = Pools.Namespace;
        request["operation"] = "CREATE";
        request["userInfo"] = new JsonObject { ["username"] = "system:serviceaccount:kube-system:replicaset-controller" };
        request["object"] = pod;
        request["oldObject"] = null;
        request["dryRun"] = false;
        return new JsonObject { ["kind"] = "AdmissionReview", ["apiVersion"] = "admission.k8s.io/v1", ["request"] = request }.ToJsonString();
    }

    /// <summary>The PodDefaults with every resourceVersion changed, as after an edit of each.</summary>
    public IEnumerable<string> Bumped() => PodDefaults.Select(json =>
    {
        var podDefault = JsonNode.Parse(json)!;
        podDefault["metadata"]!["resourceVersion"] = (string)podDefault["metadata"]!["resourceVersion"]! + "0";
        return podDefault.ToJsonString();
    });
}
