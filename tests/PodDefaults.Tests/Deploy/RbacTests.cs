namespace PodDefaults.Tests.Deploy;

public class RbacTests
{
    [Fact]
    public void Webhook_may_only_read_poddefaults()
    {
        var rule = Assert.Single(Rules("poddefaults-webhook"));

        Assert.Equal(["kubeflow.org"], ManifestObjectTests.Strings(rule["apiGroups"]));
        Assert.Equal(["poddefaults"], ManifestObjectTests.Strings(rule["resources"]));
        Assert.Equal(["get", "list", "watch"], ManifestObjectTests.Strings(rule["verbs"]).Order());
        Assert.Null(rule["resourceNames"]);
    }

    [Fact]
    public void Webhook_role_is_bound_to_the_deployments_service_account()
    {
        var binding = RenderedManifests.Base.Single("ClusterRoleBinding", "poddefaults-webhook");
        var subject = Assert.Single(binding["subjects"]!.AsArray())!;
        var deployment = RenderedManifests.Base.Single("Deployment", "poddefaults-webhook");

        Assert.Equal("ClusterRole", (string?)binding["roleRef"]!["kind"]);
        Assert.Equal("poddefaults-webhook", (string?)binding["roleRef"]!["name"]);
        Assert.Equal("ServiceAccount", (string?)subject["kind"]);
        Assert.Equal((string?)deployment["spec"]!["template"]!["spec"]!["serviceAccountName"], (string?)subject["name"]);
        Assert.Equal("poddefaults-system", (string?)subject["namespace"]);
        RenderedManifests.Base.Single("ServiceAccount", (string)subject["name"]!);
    }

    [Theory]
    [InlineData("poddefaults-view", "rbac.authorization.k8s.io/aggregate-to-view", "get,list,watch")]
    [InlineData("poddefaults-edit", "rbac.authorization.k8s.io/aggregate-to-edit", "create,delete,deletecollection,get,list,patch,update,watch")]
    [InlineData("poddefaults-edit", "rbac.authorization.k8s.io/aggregate-to-admin", "create,delete,deletecollection,get,list,patch,update,watch")]
    public void Tenant_roles_fold_poddefaults_into_the_built_in_roles(string role, string aggregationLabel, string verbs)
    {
        var labels = RenderedManifests.Base.Single("ClusterRole", role)["metadata"]!["labels"]!;
        var rule = Assert.Single(Rules(role));

        Assert.Equal("true", (string?)labels[aggregationLabel]);
        Assert.Equal(["poddefaults"], ManifestObjectTests.Strings(rule["resources"]));
        Assert.Equal(verbs, string.Join(',', ManifestObjectTests.Strings(rule["verbs"]).Order()));
    }

    [Fact]
    public void No_role_reaches_beyond_poddefaults()
    {
        // Except the self-provisioned certificate's, which reaches one named webhook configuration (CertificateProvisioningManifestTests).
        var rules = RenderedManifests.Base.OfKind("ClusterRole")
            .Where(r => (string?)r["metadata"]!["name"] != "poddefaults-webhook-certificate")
            .SelectMany(r => r["rules"]!.AsArray());

        Assert.All(rules, rule =>
        {
            Assert.Equal(["kubeflow.org"], ManifestObjectTests.Strings(rule!["apiGroups"]));
            Assert.Equal(["poddefaults"], ManifestObjectTests.Strings(rule["resources"]));
        });
    }

    private static IEnumerable<JsonObject> Rules(string clusterRole) =>
        RenderedManifests.Base.Single("ClusterRole", clusterRole)["rules"]!.AsArray().Select(r => r!.AsObject());
}
