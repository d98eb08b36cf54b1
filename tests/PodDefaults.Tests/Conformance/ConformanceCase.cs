namespace PodDefaults.Tests.Conformance;

/// <summary>One file of the shared conformance suite (format: cases/README.md).</summary>
public sealed class ConformanceCase
{
    /// <summary>The cases as copied into the test project by sync-cases.sh.</summary>
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Conformance", "cases");

    private ConformanceCase(string file, JsonObject data)
    {
        File = file;
        Data = data;
    }

    public string File { get; }

    public JsonObject Data { get; }

    public JsonObject? Request => Data["request"] as JsonObject;

    public JsonArray PodDefaults => Data["poddefaults"]!.AsArray();

    public JsonNode Pod => Data["pod"]!;

    public JsonObject Expect => Data["expect"]!.AsObject();

    public static IEnumerable<string> Files() =>
        Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    /// <summary>Every case file, for a <c>[Theory]</c>: <c>[MemberData(nameof(ConformanceCase.All), MemberType = typeof(ConformanceCase))]</c>.</summary>
    public static TheoryData<string> All => [.. Files()];

    public static ConformanceCase Load(string file) =>
        new(file, TestYaml.Load(System.IO.File.ReadAllText(Path.Combine(Folder, file)))!.AsObject());

    /// <summary>
    /// The same case with every namespace prefixed, so that many cases can share one server (the cases'
    /// README allows renaming namespaces consistently).
    /// </summary>
    public ConformanceCase InNamespaces(string prefix)
    {
        var data = Data.DeepClone().AsObject();
        foreach (var podDefault in data["poddefaults"]!.AsArray())
            Rename(podDefault!["metadata"]!.AsObject(), prefix);
        Rename(data["pod"]!["metadata"]!.AsObject(), prefix);
        if (data["expect"]!["pod"]?["metadata"] is JsonObject expected)
            Rename(expected, prefix);
        if (data["request"]?["namespace"] is JsonValue ns)
            data["request"]!["namespace"] = prefix + (string)ns!;
        return new ConformanceCase(File, data);
    }

    private static void Rename(JsonObject metadata, string prefix)
    {
        if (metadata["namespace"] is JsonValue ns)
            metadata["namespace"] = prefix + (string)ns!;
    }

    /// <summary>The PodDefaults as JSON objects, ready for the parser or for files.</summary>
    public IEnumerable<JsonElement> PodDefaultElements() =>
        PodDefaults.Select(pd => JsonSerializer.SerializeToElement(pd));

    /// <summary>The AdmissionReview the API server would send for this case.</summary>
    public string BuildReview(string uid)
    {
        var pod = Pod;
        var podApiVersion = (string?)pod["apiVersion"] ?? "v1";
        var (kindGroup, kindVersion) = podApiVersion.Contains('/')
            ? (podApiVersion.Split('/')[0], podApiVersion.Split('/')[1])
            : ("", podApiVersion);
        var operation = (string?)Request?["operation"] ?? "CREATE";
        var ns = (string?)Request?["namespace"] ?? (string?)pod["metadata"]?["namespace"];
        var request = new JsonObject
        {
            ["uid"] = uid,
            ["kind"] = new JsonObject { ["group"] = kindGroup, ["version"] = kindVersion, ["kind"] = (string?)pod["kind"] ?? "Pod" },
            ["resource"] = Request?["resource"]?.DeepClone() ?? new JsonObject { ["group"] = "", ["version"] = "v1", ["resource"] = "pods" },
            ["requestKind"] = new JsonObject { ["group"] = kindGroup, ["version"] = kindVersion, ["kind"] = (string?)pod["kind"] ?? "Pod" },
        };
        if (pod["metadata"]?["name"] is { } name)
            request["name"] = name.DeepClone();
        if (ns is not null)
            request["namespace"] = ns;
        request["operation"] = operation;
        request["userInfo"] = new JsonObject { ["username"] = "system:serviceaccount:kube-system:replicaset-controller", ["groups"] = new JsonArray("system:serviceaccounts", "system:authenticated") };
        request["object"] = operation == "DELETE" ? null : pod.DeepClone();
        request["oldObject"] = operation is "DELETE" or "UPDATE" ? pod.DeepClone() : null;
        request["dryRun"] = false;
        var review = new JsonObject
        {
            ["kind"] = "AdmissionReview",
            ["apiVersion"] = (string?)Request?["apiVersion"] ?? "admission.k8s.io/v1",
            ["request"] = request,
        };
        return review.ToJsonString();
    }

    /// <summary>The PodDefaults as one <c>List</c> document, as a --defaults file holds them.</summary>
    public string PodDefaultListJson() =>
        new JsonObject { ["apiVersion"] = "v1", ["kind"] = "List", ["items"] = PodDefaults.DeepClone() }.ToJsonString();

    public override string ToString() => File;
}
