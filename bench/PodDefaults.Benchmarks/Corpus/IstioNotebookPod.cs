using System.Text.Json.Nodes;

namespace PodDefaults.Benchmarks.Corpus;

/// <summary>
/// A notebook pod as admission sees it in a mesh: the StatefulSet controller's pod with the managedFields a
/// CREATE carries (every field it set, <c>f:</c> and <c>k:{...}</c> keys), then injected by istio's webhook
/// (the istio-proxy sidecar, the istio-init container, their volumes, labels and annotations). About 11 KB of
/// review, most of it never read unless a PodDefault touches the spec.
/// </summary>
public static class IstioNotebookPod
{
    public static JsonObject Create(Random random, string @namespace, int index, IEnumerable<string> selectedBy)
    {
        var pod = NotebookPod.Create(random, @namespace, index, containers: 1, selectedBy);
        var metadata = pod["metadata"]!.AsObject();
        var spec = pod["spec"]!.AsObject();
        // A notebook sets a few variables of its own; the sidecar brings the long list.
        var env = spec["containers"]![0]!["env"]!.AsArray();
        while (env.Count > 3)
            env.RemoveAt(env.Count - 1);
        // Written by the controller before any webhook ran: what it set, not what istio adds.
        metadata["managedFields"] = new JsonArray(new JsonObject
        {
            ["manager"] = "kube-controller-manager",
            ["operation"] = "Update",
            ["apiVersion"] = "v1",
            ["time"] = "2025-03-14T09:12:33Z",
            ["fieldsType"] = "FieldsV1",
            ["fieldsV1"] = new JsonObject
            {
                ["f:metadata"] = FieldsV1.Of(metadata, "metadata"),
                ["f:spec"] = FieldsV1.Of(spec, "spec"),
            },
        });
        Inject(random, pod, metadata, spec);
        return pod;
    }

    private static void Inject(Random random, JsonObject pod, JsonObject metadata, JsonObject spec)
    {
        var name = (string)metadata["labels"]!["app"]!;
        var labels = metadata["labels"]!.AsObject();
        labels["security.istio.io/tlsMode"] = "istio";
        labels["service.istio.io/canonical-name"] = name;
        labels["service.istio.io/canonical-revision"] = "latest";
        var annotations = metadata["annotations"]!.AsObject();
        annotations["kubectl.kubernetes.io/default-container"] = name;
        annotations["kubectl.kubernetes.io/default-logs-container"] = name;
        annotations["prometheus.io/path"] = "/stats/prometheus";
        annotations["prometheus.io/port"] = "15020";
        annotations["prometheus.io/scrape"] = "true";
        annotations["sidecar.istio.io/status"] =
            "{\"initContainers\":[\"istio-init\"],\"containers\":[\"istio-proxy\"],\"volumes\":[\"workload-socket\",\"credential-socket\",\"workload-certs\",\"istio-envoy\",\"istio-data\",\"istio-podinfo\",\"istio-token\",\"istiod-ca-cert\"],\"imagePullSecrets\":null,\"revision\":\"default\"}";

        var image = $"docker.io/istio/proxyv2:1.2{random.Next(10)}.{random.Next(10)}";
        spec["initContainers"] = new JsonArray(new JsonObject
        {
            ["name"] = "istio-init",
            ["image"] = image,
            ["args"] = new JsonArray("istio-iptables", "-p", "15001", "-z", "15006", "-u", "1337", "-m", "REDIRECT", "-i", "*", "-x", "", "-b", "*", "-d", "15090,15021,15020", "--log_output_level=default:info"),
            ["resources"] = Resources("2", "1Gi", "100m", "128Mi"),
            ["terminationMessagePath"] = "/dev/termination-log",
            ["terminationMessagePolicy"] = "File",
            ["imagePullPolicy"] = "IfNotPresent",
            ["securityContext"] = new JsonObject
            {
                ["capabilities"] = new JsonObject { ["add"] = new JsonArray("NET_ADMIN", "NET_RAW"), ["drop"] = new JsonArray("ALL") },
                ["privileged"] = false, ["runAsUser"] = 0, ["runAsGroup"] = 0, ["runAsNonRoot"] = false,
                ["readOnlyRootFilesystem"] = false, ["allowPrivilegeEscalation"] = false,
            },
        });
        spec["containers"]!.AsArray().Add((JsonNode)Proxy(name, image, (string)metadata["namespace"]!, spec));
        var volumes = spec["volumes"]!.AsArray();
        foreach (var emptyDir in new[] { "workload-socket", "credential-socket", "workload-certs" })
            volumes.Add((JsonNode)new JsonObject { ["name"] = emptyDir, ["emptyDir"] = new JsonObject() });
        volumes.Add((JsonNode)new JsonObject { ["name"] = "istio-envoy", ["emptyDir"] = new JsonObject { ["medium"] = "Memory" } });
        volumes.Add((JsonNode)new JsonObject { ["name"] = "istio-data", ["emptyDir"] = new JsonObject() });
        volumes.Add((JsonNode)new JsonObject
        {
            ["name"] = "istio-podinfo",
            ["downwardAPI"] = new JsonObject
            {
                ["items"] = new JsonArray(
                    new JsonObject { ["path"] = "labels", ["fieldRef"] = new JsonObject { ["apiVersion"] = "v1", ["fieldPath"] = "metadata.labels" } },
                    new JsonObject { ["path"] = "annotations", ["fieldRef"] = new JsonObject { ["apiVersion"] = "v1", ["fieldPath"] = "metadata.annotations" } }),
                ["defaultMode"] = 420,
            },
        });
        volumes.Add((JsonNode)new JsonObject
        {
            ["name"] = "istio-token",
            ["projected"] = new JsonObject
            {
                ["sources"] = new JsonArray(new JsonObject { ["serviceAccountToken"] = new JsonObject { ["audience"] = "istio-ca", ["expirationSeconds"] = 43200, ["path"] = "istio-token" } }),
                ["defaultMode"] = 420,
            },
        });
        volumes.Add((JsonNode)new JsonObject { ["name"] = "istiod-ca-cert", ["configMap"] = new JsonObject { ["name"] = "istio-ca-root-cert", ["defaultMode"] = 420 } });
        pod["status"] = new JsonObject();
    }

    private static JsonObject Proxy(string app, string image, string @namespace, JsonObject spec)
    {
        var env = new JsonArray();
        void Value(string name, string value) => env.Add((JsonNode)new JsonObject { ["name"] = name, ["value"] = value });
        void Field(string name, string path) => env.Add((JsonNode)new JsonObject
        {
            ["name"] = name,
            ["valueFrom"] = new JsonObject { ["fieldRef"] = new JsonObject { ["apiVersion"] = "v1", ["fieldPath"] = path } },
        });
        Value("PILOT_CERT_PROVIDER", "istiod");
        Value("CA_ADDR", "istiod.istio-system.svc:15012");
        Field("POD_NAME", "metadata.name");
        Field("POD_NAMESPACE", "metadata.namespace");
        Field("INSTANCE_IP", "status.podIP");
        Field("SERVICE_ACCOUNT", "spec.serviceAccountName");
        Field("HOST_IP", "status.hostIP");
        Value("ISTIO_CPU_LIMIT", "2");
        Value("PROXY_CONFIG", "{}\n");
        Value("ISTIO_META_POD_PORTS", "[\n    {\"name\":\"notebook-port\",\"containerPort\":8888,\"protocol\":\"TCP\"}\n]");
        Value("ISTIO_META_APP_CONTAINERS", app);
        Value("GOMEMLIMIT", "1073741824");
        Value("GOMAXPROCS", "2");
        Value("ISTIO_META_CLUSTER_ID", "Kubernetes");
        Field("ISTIO_META_NODE_NAME", "spec.nodeName");
        Value("ISTIO_META_INTERCEPTION_MODE", "REDIRECT");
        Value("ISTIO_META_WORKLOAD_NAME", app);
        Value("ISTIO_META_OWNER", $"kubernetes://apis/apps/v1/namespaces/{@namespace}/statefulsets/{app}");
        Value("ISTIO_META_MESH_ID", "cluster.local");
        Value("TRUST_DOMAIN", "cluster.local");
        Value("ISTIO_KUBE_APP_PROBERS", "{\"/app-health/" + app + "/livez\":{\"httpGet\":{\"path\":\"/api\",\"port\":8888,\"scheme\":\"HTTP\"},\"timeoutSeconds\":1}}");
        var token = (string)spec["volumes"]![2]!["name"]!;
        return new JsonObject
        {
            ["name"] = "istio-proxy",
            ["image"] = image,
            ["args"] = new JsonArray("proxy", "sidecar", "--domain", "$(POD_NAMESPACE).svc.cluster.local", "--proxyLogLevel=warning", "--proxyComponentLogLevel=misc:error", "--log_output_level=default:info"),
            ["ports"] = new JsonArray(
                new JsonObject { ["name"] = "http-envoy-prom", ["containerPort"] = 15090, ["protocol"] = "TCP" },
                new JsonObject { ["name"] = "http-status", ["containerPort"] = 15021, ["protocol"] = "TCP" }),
            ["env"] = env,
            ["resources"] = Resources("2", "1Gi", "100m", "128Mi"),
            ["volumeMounts"] = new JsonArray(
                Mount("workload-socket", "/var/run/secrets/workload-spiffe-uds"),
                Mount("credential-socket", "/var/run/secrets/credential-uds"),
                Mount("workload-certs", "/var/run/secrets/workload-spiffe-credentials"),
                Mount("istiod-ca-cert", "/var/run/secrets/istio"),
                Mount("istio-data", "/var/lib/istio/data"),
                Mount("istio-envoy", "/etc/istio/proxy"),
                Mount("istio-token", "/var/run/secrets/tokens"),
                Mount("istio-podinfo", "/etc/istio/pod"),
                new JsonObject { ["name"] = token, ["readOnly"] = true, ["mountPath"] = "/var/run/secrets/kubernetes.io/serviceaccount" }),
            ["readinessProbe"] = new JsonObject
            {
                ["httpGet"] = new JsonObject { ["path"] = "/healthz/ready", ["port"] = 15021, ["scheme"] = "HTTP" },
                ["initialDelaySeconds"] = 1, ["timeoutSeconds"] = 3, ["periodSeconds"] = 2, ["successThreshold"] = 1, ["failureThreshold"] = 30,
            },
            ["terminationMessagePath"] = "/dev/termination-log",
            ["terminationMessagePolicy"] = "File",
            ["imagePullPolicy"] = "IfNotPresent",
            ["securityContext"] = new JsonObject
            {
                ["capabilities"] = new JsonObject { ["drop"] = new JsonArray("ALL") },
                ["privileged"] = false, ["runAsUser"] = 1337, ["runAsGroup"] = 1337, ["runAsNonRoot"] = true,
                ["readOnlyRootFilesystem"] = true, ["allowPrivilegeEscalation"] = false,
            },
        };
    }

    private static JsonObject Mount(string name, string path) => new() { ["name"] = name, ["mountPath"] = path };

    private static JsonObject Resources(string cpu, string memory, string requestCpu, string requestMemory) => new()
    {
        ["limits"] = new JsonObject { ["cpu"] = cpu, ["memory"] = memory },
        ["requests"] = new JsonObject { ["cpu"] = requestCpu, ["memory"] = requestMemory },
    };

    /// <summary>
    /// The field set of server-side apply (<c>fieldsV1</c>): <c>f:name</c> per member, <c>k:{...}</c> per item
    /// of a list merged by key, <c>.</c> for an object that is itself owned, <c>{}</c> for a leaf or an atomic list.
    /// </summary>
    private static class FieldsV1
    {
        /// <summary>Members the API server owns or that identify the object: never in a manager's set.</summary>
        private static readonly HashSet<string> Untracked = ["name", "namespace", "uid", "creationTimestamp", "managedFields", "resourceVersion"];

        public static JsonObject Of(JsonObject value, string path)
        {
            var fields = path is "metadata" or "spec" ? new JsonObject() : new JsonObject { ["."] = new JsonObject() };
            foreach (var (member, child) in value)
            {
                if (path == "metadata" && Untracked.Contains(member))
                    continue;
                fields[$"f:{member}"] = Of(child, member);
            }
            return fields;
        }

        private static JsonObject Of(JsonNode? value, string member) => value switch
        {
            JsonObject { Count: > 0 } inner => Of(inner, member),
            JsonArray list when member == "ownerReferences" => Keyed(list, ["uid"], owned: false),
            JsonArray list when KeysOf(member) is { } keys => Keyed(list, keys, owned: true),
            _ => new JsonObject(),
        };

        /// <param name="owned">Whether the items' members are listed (an owner reference is set whole).</param>
        private static JsonObject Keyed(JsonArray list, string[] keys, bool owned)
        {
            var fields = new JsonObject { ["."] = new JsonObject() };
            foreach (var item in list)
            {
                var key = new JsonObject();
                foreach (var name in keys)
                    key[name] = item![name]!.DeepClone();
                fields[$"k:{key.ToJsonString()}"] = owned ? Of(item!.AsObject(), "item") : new JsonObject();
            }
            return fields;
        }

        /// <summary>The lists of a pod merged by key (the rest are atomic).</summary>
        private static string[]? KeysOf(string member) => member switch
        {
            "containers" or "initContainers" or "env" or "volumes" or "imagePullSecrets" => ["name"],
            "ports" => ["containerPort", "protocol"],
            "volumeMounts" => ["mountPath"],
            _ => null,
        };
    }
}
