using System.Text.Json.Nodes;

namespace PodDefaults.ApiServerStandIn;

/// <summary>
/// Single objects addressed by path (a Secret, a MutatingWebhookConfiguration), read and written as the real API
/// server does: every write takes a new resourceVersion from the shared counter; an update or patch that carries
/// a resourceVersion other than the current one gets 409 Conflict; a write that changes nothing keeps the version.
/// No create and no delete: the objects a test needs are seeded with <see cref="Seed"/>. Thread-safe.
/// </summary>
public sealed class ClusterObjects(ObjectStore store)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, JsonObject> objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<JsonObject>> writes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> conflicts = new(StringComparer.Ordinal);

    /// <summary>Puts an object in place as if it had been created; returns its path.</summary>
    public string Seed(JsonObject obj)
    {
        var path = ClusterObjectPaths.Of(obj) ?? throw new ArgumentException("not a Secret or a MutatingWebhookConfiguration", nameof(obj));
        lock (gate)
        {
            var stored = (JsonObject)obj.DeepClone();
            var metadata = stored["metadata"]!.AsObject();
            metadata["resourceVersion"] = store.AdvanceResourceVersion(1).ToString();
            metadata["uid"] ??= Guid.NewGuid().ToString();
            metadata["creationTimestamp"] ??= "2024-01-01T00:00:00Z";
            objects[path] = stored;
            writes[path] = [];
            conflicts[path] = 0;
        }
        return path;
    }

    public JsonObject? Get(string path)
    {
        lock (gate)
            return objects.TryGetValue(path, out var obj) ? (JsonObject)obj.DeepClone() : null;
    }

    /// <summary>The states written by updates and patches that changed the object, oldest first (seeding not counted).</summary>
    public IReadOnlyList<JsonObject> Writes(string path)
    {
        lock (gate)
            return writes.TryGetValue(path, out var list) ? [.. list.Select(o => (JsonObject)o.DeepClone())] : [];
    }

    /// <summary>Writes refused with 409 because they carried an old resourceVersion.</summary>
    public int Conflicts(string path)
    {
        lock (gate)
            return conflicts.GetValueOrDefault(path);
    }

    /// <summary>Replaces the object (PUT).</summary>
    public WriteResult Update(string path, JsonObject body) => Write(path, _ => body, body["metadata"]?["resourceVersion"]?.GetValue<string>());

    /// <summary>Applies an RFC 7386 JSON merge patch (PATCH with <c>application/merge-patch+json</c>).</summary>
    public WriteResult MergePatch(string path, JsonObject patch) =>
        Write(path, current => (JsonObject)MergePatchOf(current, patch)!, patch["metadata"]?["resourceVersion"]?.GetValue<string>());

    private WriteResult Write(string path, Func<JsonObject, JsonObject> change, string? precondition)
    {
        lock (gate)
        {
            if (!objects.TryGetValue(path, out var current))
                return WriteResult.Failed(404, $"{ClusterObjectPaths.Describe(path)} not found");
            var currentVersion = current["metadata"]!["resourceVersion"]!.GetValue<string>();
            if (precondition is not null && precondition != currentVersion)
            {
                conflicts[path]++;
                return WriteResult.Failed(409,
                    $"Operation cannot be fulfilled on {ClusterObjectPaths.Describe(path)}: the object has been modified; please apply your changes to the latest version and try again");
            }

            var next = (JsonObject)change((JsonObject)current.DeepClone()).DeepClone();
            if (ClusterObjectValidation.Problem(current, next) is { } problem)
                return WriteResult.Failed(problem.Code, problem.Message);

            // The server owns these: whatever the client sent, they stay.
            var metadata = next["metadata"]!.AsObject();
            foreach (var owned in new[] { "uid", "creationTimestamp", "name", "namespace" })
                metadata[owned] = current["metadata"]![owned]?.DeepClone();
            metadata["resourceVersion"] = currentVersion;
            if (JsonNode.DeepEquals(next, current))
                return WriteResult.Ok((JsonObject)current.DeepClone());

            metadata["resourceVersion"] = store.AdvanceResourceVersion(1).ToString();
            objects[path] = next;
            writes[path].Add((JsonObject)next.DeepClone());
            return WriteResult.Ok((JsonObject)next.DeepClone());
        }
    }

    private static JsonNode? MergePatchOf(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
            return patch?.DeepClone();
        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : [];
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
                result.Remove(key);
            else
                result[key] = MergePatchOf(result[key], value);
        }
        return result;
    }
}

/// <summary>The outcome of a write: the stored object, or a Status code and message.</summary>
public sealed record WriteResult(int Code, JsonObject? Object, string? Message)
{
    public static WriteResult Ok(JsonObject obj) => new(200, obj, null);

    public static WriteResult Failed(int code, string message) => new(code, null, message);
}
