using System.Text.Json.Nodes;

namespace PodDefaults.Benchmarks.Corpus;

/// <summary>
/// PodDefault objects as a Kubeflow profile namespace holds them: each selects pods by a label of its own
/// (<c>matchLabels</c>, so the index files it under that label). Three of them select the corpus pods.
/// </summary>
public static class PodDefaultObjects
{
    /// <summary>The labels of the three PodDefaults that select a matching pod; they apply in this order.</summary>
    public static readonly string[] MatchingLabels = ["access-ml-pipeline", "mount-datasets", "team-defaults"];

    /// <summary><paramref name="count"/> PodDefaults for one namespace: the three matching ones, the rest select nothing in the corpus.</summary>
    public static IEnumerable<JsonObject> ForNamespace(string @namespace, int count)
    {
        yield return AccessMlPipeline(@namespace);
        yield return MountDatasets(@namespace);
        yield return TeamDefaults(@namespace);
        for (var i = 0; i < count - 3; i++)
            yield return Feature(@namespace, i);
    }

    /// <summary>Kubeflow's own: the pipelines token, projected and mounted.</summary>
    private static JsonObject AccessMlPipeline(string ns) => PodDefault(ns, "access-ml-pipeline", "Allow access to Kubeflow Pipelines", new JsonObject
    {
        ["env"] = new JsonArray(Env("KF_PIPELINES_SA_TOKEN_PATH", "/var/run/secrets/kubeflow/pipelines/token")),
        ["volumes"] = new JsonArray(new JsonObject
        {
            ["name"] = "volume-kf-pipeline-token",
            ["projected"] = new JsonObject
            {
                ["sources"] = new JsonArray(new JsonObject
                {
                    ["serviceAccountToken"] = new JsonObject { ["path"] = "token", ["expirationSeconds"] = 7200, ["audience"] = "pipelines.kubeflow.org" },
                }),
            },
        }),
        ["volumeMounts"] = new JsonArray(new JsonObject { ["mountPath"] = "/var/run/secrets/kubeflow/pipelines", ["name"] = "volume-kf-pipeline-token", ["readOnly"] = true }),
    });

    private static JsonObject MountDatasets(string ns) => PodDefault(ns, "mount-datasets", "Mount the shared datasets", new JsonObject
    {
        ["env"] = new JsonArray(Env("DATA_PATH", "/data"), Env("HF_HOME", "/data/huggingface")),
        ["volumes"] = new JsonArray(new JsonObject { ["name"] = "datasets", ["persistentVolumeClaim"] = new JsonObject { ["claimName"] = "datasets", ["readOnly"] = true } }),
        ["volumeMounts"] = new JsonArray(new JsonObject { ["name"] = "datasets", ["mountPath"] = "/data", ["readOnly"] = true }),
    });

    private static JsonObject TeamDefaults(string ns) => PodDefault(ns, "team-defaults", "Team labels, GPU toleration, registry secret", new JsonObject
    {
        ["labels"] = new JsonObject { ["team"] = "ml-research" },
        ["annotations"] = new JsonObject { ["example.com/cost-center"] = "4711" },
        ["tolerations"] = new JsonArray(new JsonObject { ["key"] = "nvidia.com/gpu", ["operator"] = "Exists", ["effect"] = "NoSchedule" }),
        ["imagePullSecrets"] = new JsonArray(new JsonObject { ["name"] = "registry-credentials" }),
        ["env"] = new JsonArray(Env("TEAM", "ml-research")),
    });

    /// <summary>One of the many that select pods by a label the corpus pods do not carry.</summary>
    private static JsonObject Feature(string ns, int i) => PodDefault(ns, $"feature-{i:D5}", $"Feature {i}", new JsonObject
    {
        ["env"] = new JsonArray(Env($"FEATURE_{i}", "on")),
        ["annotations"] = new JsonObject { [$"example.com/feature-{i}"] = "enabled" },
    }, label: $"feature-{i:D5}");

    private static JsonObject PodDefault(string ns, string name, string description, JsonObject adds, string? label = null)
    {
        var spec = new JsonObject
        {
            ["desc"] = description,
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { [label ?? name] = "true" } },
        };
        foreach (var (key, value) in adds.ToList())
        {
            adds.Remove(key);
            spec[key] = value;
        }
        return new JsonObject
        {
            ["apiVersion"] = "kubeflow.org/v1alpha1",
            ["kind"] = "PodDefault",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = ns,
                ["resourceVersion"] = StableVersion(ns + "/" + name),
                ["generation"] = 1,
            },
            ["spec"] = spec,
        };
    }

    /// <summary>A resourceVersion that depends on the name only (string.GetHashCode differs per process).</summary>
    private static string StableVersion(string key) => 
        (100_000 + (uint)key.Aggregate(17, (hash, c) => unchecked(hash * 31 + c)) % 900_000).ToString();

    private static JsonObject Env(string name, string value) => new() { ["name"] = name, ["value"] = value };
}
