namespace PodDefaults.Tests.Deploy;

public class DeploymentTests
{
    private static JsonObject Deployment => RenderedManifests.Base.Single("Deployment", "poddefaults-webhook");

    private static JsonObject PodSpec => Deployment["spec"]!["template"]!["spec"]!.AsObject();

    private static JsonObject Container => PodSpec["containers"]!.AsArray().Single()!.AsObject();

    [Fact]
    public void Runs_as_a_fixed_non_root_user_with_the_runtime_default_seccomp_profile()
    {
        var pod = PodSpec["securityContext"]!;

        Assert.True((bool?)pod["runAsNonRoot"]);
        Assert.True((long?)pod["runAsUser"] > 0);
        Assert.Equal("RuntimeDefault", (string?)pod["seccompProfile"]!["type"]);
    }

    [Fact]
    public void Container_cannot_write_its_filesystem_escalate_or_keep_capabilities()
    {
        var container = Container["securityContext"]!;

        Assert.True((bool?)container["readOnlyRootFilesystem"]);
        Assert.False((bool?)container["allowPrivilegeEscalation"]);
        Assert.Equal(["ALL"], ManifestObjectTests.Strings(container["capabilities"]!["drop"]));
        Assert.Null(container["capabilities"]!["add"]);
        Assert.NotEqual(true, (bool?)container["privileged"]);
    }

    [Fact]
    public void Serves_https_on_4443_with_the_certificate_it_provisions()
    {
        var port = Container["ports"]!.AsArray().Single(p => (string?)p!["name"] == "https")!;

        Assert.Equal(4443, (int?)port["containerPort"]);
        Assert.Equal(
            ["serve", "--certificate-secret", "poddefaults-webhook-certificate", "--webhook-configuration", "poddefaults-webhook", "--shutdown-delay", "5", "--metrics-port", "9090"],
            ManifestObjectTests.Strings(Container["args"]));
        Assert.Null(Container["command"]);
        // Read through the API, never mounted: a Secret volume of an empty Secret would hold the pod in ContainerCreating.
        Assert.DoesNotContain(PodSpec["volumes"]!.AsArray(), v => v!["secret"] is not null);
    }

    [Theory]
    [InlineData("livenessProbe", "/healthz")]
    [InlineData("readinessProbe", "/readyz")]
    public void Probes_use_https_on_the_webhook_port(string probe, string path)
    {
        var httpGet = Container[probe]!["httpGet"]!;

        Assert.Equal(path, (string?)httpGet["path"]);
        Assert.Equal("HTTPS", (string?)httpGet["scheme"]);
        Assert.Equal("https", (string?)httpGet["port"]);
        Assert.Equal(4443, (int?)Container["ports"]![0]!["containerPort"]);
        Assert.Equal("https", (string?)Container["ports"]![0]!["name"]);
    }

    [Fact]
    public void Requests_cpu_and_memory_and_caps_memory()
    {
        var resources = Container["resources"]!;

        Assert.Equal("50m", (string?)resources["requests"]!["cpu"]);
        Assert.Equal("80Mi", (string?)resources["requests"]!["memory"]);
        Assert.Equal("192Mi", (string?)resources["limits"]!["memory"]);
    }

    [Fact]
    public void Names_its_pod_in_telemetry_from_the_downward_api()
    {
        var env = Container["env"]!.AsArray().Select(e => e!.AsObject()).ToList();
        var names = env.Select(e => (string)e["name"]!).ToList();

        Assert.Equal("metadata.name", FieldPath(env, "POD_NAME"));
        Assert.Equal("metadata.namespace", FieldPath(env, "POD_NAMESPACE"));
        Assert.Equal("spec.nodeName", FieldPath(env, "NODE_NAME"));
        Assert.Equal(
            "k8s.pod.name=$(POD_NAME),k8s.namespace.name=$(POD_NAMESPACE),k8s.node.name=$(NODE_NAME)",
            (string?)env.Single(e => (string?)e["name"] == "OTEL_RESOURCE_ATTRIBUTES")["value"]);
        // $(VAR) only expands variables defined earlier in the list.
        Assert.True(names.IndexOf("OTEL_RESOURCE_ATTRIBUTES") > names.IndexOf("NODE_NAME"));
    }

    [Fact]
    public void Keeps_two_spread_replicas_and_one_through_disruptions()
    {
        var budget = RenderedManifests.Base.Single("PodDisruptionBudget", "poddefaults-webhook")["spec"]!;
        var topologyKeys = PodSpec["topologySpreadConstraints"]!.AsArray().Select(c => (string)c!["topologyKey"]!);

        Assert.Equal(2, (int?)Deployment["spec"]!["replicas"]);
        Assert.Equal(1, (int?)budget["minAvailable"]);
        Assert.True(JsonNode.DeepEquals(
            budget["selector"]!["matchLabels"], Deployment["spec"]!["selector"]!["matchLabels"]));
        Assert.Equal(["kubernetes.io/hostname", "topology.kubernetes.io/zone"], topologyKeys.Order());
    }

    [Fact]
    public void Does_not_claim_a_system_priority_class_outside_kube_system()
    {
        Assert.DoesNotContain("system-", (string?)PodSpec["priorityClassName"] ?? "");
    }

    [Fact]
    public void Service_and_network_policy_select_the_webhook_pods()
    {
        var podLabels = Deployment["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();
        var service = RenderedManifests.Base.Single("Service", "poddefaults-webhook")["spec"]!;
        var policy = RenderedManifests.Base.Single("NetworkPolicy", "poddefaults-webhook")["spec"]!;

        Assert.All(service["selector"]!.AsObject(), l => Assert.Equal((string?)l.Value, (string?)podLabels[l.Key]));
        Assert.All(policy["podSelector"]!["matchLabels"]!.AsObject(), l => Assert.Equal((string?)l.Value, (string?)podLabels[l.Key]));
        Assert.Equal(443, (int?)service["ports"]![0]!["port"]);
        Assert.Equal("https", (string?)service["ports"]![0]!["targetPort"]);
        Assert.Equal(
            [4443, 9090],
            policy["ingress"]!.AsArray().Select(rule => (int)rule!["ports"]!.AsArray().Single()!["port"]!).Order());
        Assert.Equal(9090, (int?)Container["ports"]!.AsArray().Single(p => (string?)p!["name"] == "metrics")!["containerPort"]);
    }

    private static string? FieldPath(List<JsonObject> env, string name) =>
        (string?)env.Single(e => (string?)e["name"] == name)["valueFrom"]!["fieldRef"]!["fieldPath"];
}
