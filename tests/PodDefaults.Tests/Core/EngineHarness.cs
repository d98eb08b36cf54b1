namespace PodDefaults.Tests.Core;

/// <summary>Runs the real <see cref="AdmissionEngine"/> on hand-written PodDefaults and pods, for unit tests.</summary>
public sealed class EngineHarness
{
    private readonly SnapshotHolder holder = new();

    public EngineHarness(params string[] podDefaultsJson)
    {
        holder.Publish(holder.Current.ReplaceAll(podDefaultsJson.Select(Parse)));
        Engine = new AdmissionEngine(holder);
    }

    public AdmissionEngine Engine { get; }

    /// <summary>The snapshot the engine decides on, for explanations.</summary>
    public PodDefaultSnapshot Snapshot => holder.Current;

    public static PodDefault Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return PodDefaultParser.Parse(document.RootElement);
    }

    /// <summary>Sends a pod CREATE and returns <c>response</c> of the answer.</summary>
    public JsonObject Create(string podJson, string uid = "uid-1") => Send(Review(podJson, uid));

    public JsonObject Send(string reviewJson)
    {
        using var output = new PooledBufferWriter();
        using (Engine.Review(Encoding.UTF8.GetBytes(reviewJson), output))
        {
        }
        return JsonNode.Parse(output.WrittenSpan)!.AsObject()["response"]!.AsObject();
    }

    /// <summary>The decoded JSON Patch of a response, or null when it has none.</summary>
    public static string? PatchOf(JsonObject response) =>
        response["patch"] is { } patch ? Encoding.UTF8.GetString(Convert.FromBase64String((string)patch!)) : null;

    /// <summary>An AdmissionReview v1 for a pod CREATE, as the API server sends it.</summary>
    public static string Review(string podJson, string uid = "uid-1", string? requestNamespace = null)
    {
        var pod = JsonNode.Parse(podJson)!;
        var request = new JsonObject
        {
            ["uid"] = uid,
            ["kind"] = new JsonObject { ["group"] = "", ["version"] = "v1", ["kind"] = "Pod" },
            ["resource"] = new JsonObject { ["group"] = "", ["version"] = "v1", ["resource"] = "pods" },
            ["namespace"] = requestNamespace ?? (string?)pod["metadata"]?["namespace"],
            ["operation"] = "CREATE",
            ["object"] = pod,
        };
        return new JsonObject { ["apiVersion"] = "admission.k8s.io/v1", ["kind"] = "AdmissionReview", ["request"] = request }.ToJsonString();
    }
}
