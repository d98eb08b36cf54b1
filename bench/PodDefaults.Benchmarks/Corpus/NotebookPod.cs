using System.Text.Json.Nodes;

namespace PodDefaults.Benchmarks.Corpus;

/// <summary>
/// A pod as the Kubeflow notebook controller's StatefulSet makes it and as the API server sends it to admission:
/// defaulted fields, managedFields, a projected service account token, several containers with many env vars.
/// </summary>
public static class NotebookPod
{
    /// <param name="random">Seeded: the same seed gives the same pod, byte for byte.</param>
    /// <param name="containers">The notebook, then sidecar-like helpers (2 to 6 make 5.5 to 12 KB of review).</param>
    /// <param name="selectedBy">Labels set to "true", for the PodDefaults meant to select this pod.</param>
    /// <param name="app">The <c>app</c> label; the notebook's name by default.</param>
    public static JsonObject Create(Random random, string @namespace, int index, int containers, IEnumerable<string> selectedBy, string? app = null)
    {
        var name = $"notebook-{index}";
        var labels = new JsonObject
        {
            ["app"] = app ?? name,
            ["notebook-name"] = name,
            ["statefulset"] = name,
            ["controller-revision-hash"] = $"{name}-{random.Next(0x10000000):x8}",
            ["statefulset.kubernetes.io/pod-name"] = $"{name}-0",
        };
        foreach (var label in selectedBy)
            labels[label] = "true";

        var tokenVolume = $"kube-api-access-{Suffix(random)}";
        var containerList = new JsonArray();
        for (var i = 0; i < containers; i++)
            containerList.Add((JsonNode)Container(random, i == 0 ? name : $"helper-{i}", tokenVolume, envCount: random.Next(10, 21)));

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject
            {
                ["name"] = $"{name}-0",
                ["generateName"] = $"{name}-",
                ["namespace"] = @namespace,
                ["uid"] = Guid(random),
                ["creationTimestamp"] = null,
                ["labels"] = labels,
                ["annotations"] = new JsonObject { ["notebooks.kubeflow.org/server-type"] = "jupyter" },
                ["ownerReferences"] = new JsonArray(new JsonObject
                {
                    ["apiVersion"] = "apps/v1", ["kind"] = "StatefulSet", ["name"] = name,
                    ["uid"] = Guid(random), ["controller"] = true, ["blockOwnerDeletion"] = true,
                }),
                ["managedFields"] = ManagedFields(containerList),
            },
            ["spec"] = new JsonObject
            {
                ["volumes"] = new JsonArray(
                    new JsonObject { ["name"] = "workspace", ["persistentVolumeClaim"] = new JsonObject { ["claimName"] = $"{name}-workspace" } },
                    new JsonObject { ["name"] = "dshm", ["emptyDir"] = new JsonObject { ["medium"] = "Memory" } },
                    ProjectedToken(tokenVolume)),
                ["containers"] = containerList,
                ["restartPolicy"] = "Always",
                ["terminationGracePeriodSeconds"] = 30,
                ["dnsPolicy"] = "ClusterFirst",
                ["serviceAccountName"] = "default-editor",
                ["serviceAccount"] = "default-editor",
                ["hostname"] = $"{name}-0",
                ["subdomain"] = name,
                ["securityContext"] = new JsonObject { ["fsGroup"] = 100 },
                ["schedulerName"] = "default-scheduler",
                ["tolerations"] = new JsonArray(
                    Toleration("node.kubernetes.io/not-ready"),
                    Toleration("node.kubernetes.io/unreachable")),
                ["priority"] = 0,
                ["enableServiceLinks"] = true,
                ["preemptionPolicy"] = "PreemptLowerPriority",
            },
            ["status"] = new JsonObject(),
        };
    }

    private static JsonObject Container(Random random, string name, string tokenVolume, int envCount)
    {
        var env = new JsonArray();
        for (var i = 0; i < envCount; i++)
        {
            env.Add((JsonNode)(i % 5 == 4
                ? new JsonObject { ["name"] = $"POD_FIELD_{i}", ["valueFrom"] = new JsonObject { ["fieldRef"] = new JsonObject { ["apiVersion"] = "v1", ["fieldPath"] = "metadata.name" } } }
                : new JsonObject { ["name"] = $"SETTING_{i}", ["value"] = $"value-{random.Next(1_000_000)}" }));
        }
        return new JsonObject
        {
            ["name"] = name,
            ["image"] = $"registry.example.com/kubeflow/{name}:v1.{random.Next(10)}.{random.Next(10)}",
            ["ports"] = new JsonArray(new JsonObject { ["name"] = "notebook-port", ["containerPort"] = 8888, ["protocol"] = "TCP" }),
            ["env"] = env,
            ["resources"] = new JsonObject
            {
                ["limits"] = new JsonObject { ["cpu"] = "2", ["memory"] = "4Gi" },
                ["requests"] = new JsonObject { ["cpu"] = "500m", ["memory"] = "1Gi" },
            },
            ["volumeMounts"] = new JsonArray(
                new JsonObject { ["name"] = "workspace", ["mountPath"] = "/home/jovyan" },
                new JsonObject { ["name"] = "dshm", ["mountPath"] = "/dev/shm" },
                new JsonObject { ["name"] = tokenVolume, ["readOnly"] = true, ["mountPath"] = "/var/run/secrets/kubernetes.io/serviceaccount" }),
            ["terminationMessagePath"] = "/dev/termination-log",
            ["terminationMessagePolicy"] = "File",
            ["imagePullPolicy"] = "IfNotPresent",
        };
    }

    private static JsonObject ProjectedToken(string name) => new()
    {
        ["name"] = name,
        ["projected"] = new JsonObject
        {
            ["sources"] = new JsonArray(
                new JsonObject { ["serviceAccountToken"] = new JsonObject { ["expirationSeconds"] = 3607, ["path"] = "token" } },
                new JsonObject { ["configMap"] = new JsonObject { ["name"] = "kube-root-ca.crt", ["items"] = new JsonArray(new JsonObject { ["key"] = "ca.crt", ["path"] = "ca.crt" }) } },
                new JsonObject { ["downwardAPI"] = new JsonObject { ["items"] = new JsonArray(new JsonObject { ["path"] = "namespace", ["fieldRef"] = new JsonObject { ["apiVersion"] = "v1", ["fieldPath"] = "metadata.namespace" } }) } }),
            ["defaultMode"] = 420,
        },
    };

    private static JsonObject Toleration(string key) => new()
    {
        ["key"] = key, ["operator"] = "Exists", ["effect"] = "NoExecute", ["tolerationSeconds"] = 300,
    };

    /// <summary>The StatefulSet controller's managedFields entry: one field set per container, as the API server records it.</summary>
    private static JsonArray ManagedFields(JsonArray containers)
    {
        var fields = new JsonObject();
        foreach (var container in containers)
        {
            var names = new JsonObject { ["."] = new JsonObject() };
            foreach (var member in container!.AsObject())
                names[$"f:{member.Key}"] = new JsonObject();
            fields[$"k:{{\"name\":\"{container["name"]}\"}}"] = names;
        }
        return new JsonArray(new JsonObject
        {
            ["manager"] = "kube-controller-manager",
            ["operation"] = "Update",
            ["apiVersion"] = "v1",
            ["time"] = "2025-03-14T09:12:33Z",
            ["fieldsType"] = "FieldsV1",
            ["fieldsV1"] = new JsonObject { ["f:spec"] = new JsonObject { ["f:containers"] = fields } },
        });
    }

    private static string Suffix(Random random) => new([.. Enumerable.Range(0, 5).Select(_ => "bcdfghjklmnpqrstvwxz2456789"[random.Next(27)])]);

    private static string Guid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new System.Guid(bytes).ToString();
    }
}
