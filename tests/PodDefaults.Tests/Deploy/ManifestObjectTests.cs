namespace PodDefaults.Tests.Deploy;

public class ManifestObjectTests
{
    private const string Namespace = "poddefaults-system";

    // Every kind an install may contain, and whether it lives in a namespace. A typo in apiVersion
    // or kind, or an object nobody reviewed for this list, fails here rather than at apply time.
    private static readonly Dictionary<(string ApiVersion, string Kind), bool> KnownKinds = new()
    {
        [("v1", "Namespace")] = false,
        [("apiextensions.k8s.io/v1", "CustomResourceDefinition")] = false,
        [("v1", "ServiceAccount")] = true,
        [("v1", "Secret")] = true,
        [("rbac.authorization.k8s.io/v1", "Role")] = true,
        [("rbac.authorization.k8s.io/v1", "RoleBinding")] = true,
        [("rbac.authorization.k8s.io/v1", "ClusterRole")] = false,
        [("rbac.authorization.k8s.io/v1", "ClusterRoleBinding")] = false,
        [("apps/v1", "Deployment")] = true,
        [("policy/v1", "PodDisruptionBudget")] = true,
        [("v1", "Service")] = true,
        [("networking.k8s.io/v1", "NetworkPolicy")] = true,
        [("admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration")] = false,
        [("cert-manager.io/v1", "Issuer")] = true,
        [("cert-manager.io/v1", "Certificate")] = true,
    };

    public static TheoryData<string> Kustomizations => [.. RenderedManifests.Shipped];

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public void Every_object_has_a_known_kind_and_a_name(string kustomization)
    {
        var objects = RenderedManifests.Of(kustomization).Objects;

        Assert.NotEmpty(objects);
        Assert.All(objects, o =>
        {
            var key = ((string?)o["apiVersion"] ?? "", (string?)o["kind"] ?? "");
            Assert.True(KnownKinds.ContainsKey(key), $"unexpected apiVersion/kind {key}");
            Assert.False(string.IsNullOrEmpty((string?)o["metadata"]?["name"]), $"{key} without a name");
        });
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public void Namespaced_objects_are_in_the_webhook_namespace_and_cluster_objects_in_none(string kustomization)
    {
        Assert.All(RenderedManifests.Of(kustomization).Objects, o =>
        {
            var namespaced = KnownKinds[((string)o["apiVersion"]!, (string)o["kind"]!)];
            Assert.Equal(namespaced ? Namespace : null, (string?)o["metadata"]!["namespace"]);
        });
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public void No_two_objects_share_a_kind_and_a_name(string kustomization)
    {
        var duplicates = RenderedManifests.Of(kustomization).Objects
            .GroupBy(o => $"{o["kind"]}/{o["metadata"]!["name"]}")
            .Where(g => g.Count() > 1)
            .Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    [Fact]
    public void The_overlay_swaps_the_self_provisioned_certificate_objects_for_cert_managers()
    {
        static IEnumerable<string> Names(RenderedManifests m) =>
            m.Objects.Select(o => $"{o["kind"]}/{o["metadata"]!["name"]}");

        var added = Names(RenderedManifests.CertManager).Except(Names(RenderedManifests.Base)).Order();
        var removed = Names(RenderedManifests.Base).Except(Names(RenderedManifests.CertManager)).Order();

        Assert.Equal(
            ["Certificate/poddefaults-ca", "Certificate/poddefaults-webhook", "Issuer/poddefaults-ca", "Issuer/poddefaults-selfsigned"],
            added);
        Assert.Equal(
            ["ClusterRole/poddefaults-webhook-certificate", "ClusterRoleBinding/poddefaults-webhook-certificate", "Role/poddefaults-webhook-certificate",
                "RoleBinding/poddefaults-webhook-certificate", "Secret/poddefaults-webhook-certificate"],
            removed);
    }

    internal static IEnumerable<string> Strings(JsonNode? array) =>
        array?.AsArray().Select(v => (string)v!) ?? [];
}
