namespace PodDefaults.Tests.Deploy;

/// <summary>Which namespaces each variant of the install sends to the webhook.</summary>
public class NamespaceSelectionTests
{
    private const string EnabledLabel = "poddefaults.kubeflow.org/enabled";

    // Kubeflow's webhook (kubeflow/kubeflow components/admission-webhook, and its successor in
    // kubeflow/dashboard) selects the namespaces its profile controller labels so.
    private const string KubeflowProfileLabel = "app.kubernetes.io/part-of";
    private const string KubeflowProfileValue = "kubeflow-profile";

    public static TheoryData<string> Variants => [.. RenderedManifests.Variants];

    [Fact]
    public void Base_selects_only_the_namespaces_labelled_enabled()
    {
        var selector = Selector(RenderedManifests.BaseDirectory);

        Assert.True(JsonNode.DeepEquals(new JsonObject { [EnabledLabel] = "true" }, selector["matchLabels"]));
        Assert.True(Selects(RenderedManifests.BaseDirectory, "team-a", new() { [EnabledLabel] = "true" }));
        Assert.False(Selects(RenderedManifests.BaseDirectory, "team-a", []));
        Assert.False(Selects(RenderedManifests.BaseDirectory, "team-a", new() { [EnabledLabel] = "false" }));
    }

    [Fact]
    public void Cert_manager_overlay_selects_as_the_base_does()
    {
        Assert.True(JsonNode.DeepEquals(
            Selector(RenderedManifests.BaseDirectory), Selector(RenderedManifests.CertManagerDirectory)));
    }

    [Fact]
    public void Kubeflow_overlay_selects_the_profile_namespaces_as_kubeflows_webhook_does()
    {
        var selector = Selector(RenderedManifests.KubeflowDirectory);
        var profile = new Dictionary<string, string> { [KubeflowProfileLabel] = KubeflowProfileValue };

        Assert.True(JsonNode.DeepEquals(new JsonObject { [KubeflowProfileLabel] = KubeflowProfileValue }, selector["matchLabels"]));
        Assert.True(Selects(RenderedManifests.KubeflowDirectory, "kubeflow-user-example-com", profile));
        Assert.False(Selects(RenderedManifests.KubeflowDirectory, "team-a", new() { [EnabledLabel] = "true" }));
    }

    [Fact]
    public void Kubeflow_overlay_gets_its_certificate_from_cert_manager()
    {
        var overlay = RenderedManifests.Of(RenderedManifests.KubeflowDirectory);

        overlay.Single("Certificate", "poddefaults-webhook");
        Assert.NotNull(overlay.Single("MutatingWebhookConfiguration", "poddefaults-webhook")["metadata"]!["annotations"]?["cert-manager.io/inject-ca-from"]);
    }

    [Fact]
    public void All_namespaces_overlay_selects_every_namespace_not_labelled_disabled()
    {
        var directory = RenderedManifests.AllNamespacesDirectory;

        Assert.Null(Selector(directory)["matchLabels"]);
        Assert.True(Selects(directory, "team-a", []));
        Assert.True(Selects(directory, "ingress-nginx", new() { [EnabledLabel] = "true" }));
        Assert.False(Selects(directory, "ingress-nginx", new() { [EnabledLabel] = "false" }));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Excludes_its_own_namespace_the_control_plane_and_cert_manager_by_name(string variant)
    {
        var exclusion = Selector(variant)["matchExpressions"]!.AsArray()
            .Single(term => (string?)term!["key"] == "kubernetes.io/metadata.name")!;

        Assert.Equal("NotIn", (string?)exclusion["operator"]);
        Assert.Equal(
            new[] { OwnNamespace(variant), "cert-manager", "kube-node-lease", "kube-public", "kube-system" }.Order(),
            ManifestObjectTests.Strings(exclusion["values"]).Order());
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Never_selects_its_own_pods_or_kube_system_whatever_their_labels(string variant)
    {
        // Every label any variant selects on, set on the namespace by mistake or by malice.
        var everyOptIn = new Dictionary<string, string>
        {
            [EnabledLabel] = "true",
            [KubeflowProfileLabel] = KubeflowProfileValue,
        };
        var ownNamespaceLabels = RenderedManifests.Of(variant).Single("Namespace")["metadata"]!["labels"]!.AsObject()
            .ToDictionary(l => l.Key, l => (string)l.Value!);
        foreach (var (key, value) in everyOptIn)
        {
            ownNamespaceLabels[key] = value;
        }

        Assert.False(Selects(variant, OwnNamespace(variant), ownNamespaceLabels));
        Assert.False(Selects(variant, "kube-system", everyOptIn));
        // The same labels on a tenant's namespace are selected, so the two lines above test the exclusion.
        Assert.True(Selects(variant, "team-a", everyOptIn));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void The_webhook_pods_live_in_the_namespace_the_exclusion_names(string variant)
    {
        var deployment = RenderedManifests.Of(variant).Single("Deployment", "poddefaults-webhook");

        Assert.Equal(OwnNamespace(variant), (string?)deployment["metadata"]!["namespace"]);
        Assert.Equal(OwnNamespace(variant), (string?)RenderedManifests.Of(variant).Single("Namespace")["metadata"]!["name"]);
    }

    private static string OwnNamespace(string variant) =>
        (string)RenderedManifests.Of(variant).Single("Service", "poddefaults-webhook")["metadata"]!["namespace"]!;

    private static JsonNode Selector(string variant) =>
        RenderedManifests.Of(variant).Single("MutatingWebhookConfiguration", "poddefaults-webhook")["webhooks"]!
            .AsArray().Single()!["namespaceSelector"]!;

    /// <summary>Whether the webhook is called for pods of a namespace; the API server sets the name label itself.</summary>
    private static bool Selects(string variant, string name, Dictionary<string, string> labels) =>
        NamespaceSelector.Selects(Selector(variant), new Dictionary<string, string>(labels) { ["kubernetes.io/metadata.name"] = name });
}
