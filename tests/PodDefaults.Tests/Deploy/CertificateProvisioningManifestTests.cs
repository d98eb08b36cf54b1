namespace PodDefaults.Tests.Deploy;

/// <summary>
/// The bare install provisions its own certificate (serve --certificate-secret): the objects that mode needs, the
/// least RBAC that lets it work, and the cert-manager overlay turning it off.
/// </summary>
public class CertificateProvisioningManifestTests
{
    private const string Name = "poddefaults-webhook-certificate";

    private static RenderedManifests Base => RenderedManifests.Base;

    private static JsonObject Container(RenderedManifests manifests) =>
        manifests.Single("Deployment", "poddefaults-webhook")["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Single()!.AsObject();

    private static string? Arg(JsonObject container, string flag)
    {
        var args = ManifestObjectTests.Strings(container["args"]).ToList();
        var at = args.IndexOf(flag);
        return at >= 0 && at + 1 < args.Count ? args[at + 1] : null;
    }

    [Fact]
    public void The_Secret_ships_opaque_and_without_data_so_a_re_apply_never_blanks_it()
    {
        var secret = Base.Single("Secret", Name);

        Assert.Equal("Opaque", (string?)secret["type"]);
        Assert.Null(secret["data"]);
        Assert.Null(secret["stringData"]);
    }

    [Fact]
    public void The_webhook_configuration_ships_no_caBundle_so_a_re_apply_never_blanks_it()
    {
        var webhooks = Base.Single("MutatingWebhookConfiguration", "poddefaults-webhook")["webhooks"]!.AsArray();

        Assert.All(webhooks, webhook => Assert.False(webhook!["clientConfig"]!.AsObject().ContainsKey("caBundle")));
    }

    [Fact]
    public void The_deployment_names_the_shipped_Secret_and_webhook_configuration_and_its_own_namespace()
    {
        var container = Container(Base);
        var podNamespace = container["env"]!.AsArray().Single(e => (string?)e!["name"] == "POD_NAMESPACE")!;

        Assert.Equal(Name, Arg(container, "--certificate-secret"));
        Base.Single("Secret", Name);
        Base.Single("MutatingWebhookConfiguration", Arg(container, "--webhook-configuration")!);
        Assert.Equal("metadata.namespace", (string?)podNamespace["valueFrom"]!["fieldRef"]!["fieldPath"]);
        Assert.Null(Arg(container, "--tls-cert"));
    }

    [Theory]
    [InlineData("Role", "", "secrets", Name)]
    [InlineData("ClusterRole", "admissionregistration.k8s.io", "mutatingwebhookconfigurations", "poddefaults-webhook")]
    public void The_role_reaches_one_object_by_name_and_cannot_create(string kind, string group, string resource, string objectName)
    {
        var rule = Assert.Single(Base.Single(kind, Name)["rules"]!.AsArray())!;

        Assert.Equal([group], ManifestObjectTests.Strings(rule["apiGroups"]));
        Assert.Equal([resource], ManifestObjectTests.Strings(rule["resources"]));
        Assert.Equal([objectName], ManifestObjectTests.Strings(rule["resourceNames"]));
        Assert.Equal(["get", "patch", "update"], ManifestObjectTests.Strings(rule["verbs"]).Order());
    }

    [Theory]
    [InlineData("RoleBinding", "Role")]
    [InlineData("ClusterRoleBinding", "ClusterRole")]
    public void The_roles_are_bound_to_the_deployments_service_account(string kind, string roleKind)
    {
        var binding = Base.Single(kind, Name);
        var subject = Assert.Single(binding["subjects"]!.AsArray())!;
        var serviceAccount = (string?)Base.Single("Deployment", "poddefaults-webhook")["spec"]!["template"]!["spec"]!["serviceAccountName"];

        Assert.Equal(roleKind, (string?)binding["roleRef"]!["kind"]);
        Assert.Equal(Name, (string?)binding["roleRef"]!["name"]);
        Assert.Equal("ServiceAccount", (string?)subject["kind"]);
        Assert.Equal(serviceAccount, (string?)subject["name"]);
        Assert.Equal((string?)Base.Single("Secret", Name)["metadata"]!["namespace"], (string?)subject["namespace"]);
    }

    [Fact]
    public void The_cert_manager_overlay_turns_the_mode_off_and_mounts_cert_managers_Secret()
    {
        var overlay = RenderedManifests.CertManager;
        var container = Container(overlay);
        var podSpec = overlay.Single("Deployment", "poddefaults-webhook")["spec"]!["template"]!["spec"]!;
        var mount = container["volumeMounts"]!.AsArray().Single(m => (string?)m!["name"] == "tls")!;
        var volume = podSpec["volumes"]!.AsArray().Single(v => (string?)v!["name"] == "tls")!;

        Assert.Equal(
            ["serve", "--tls-cert", "/etc/poddefaults/tls/tls.crt", "--tls-key", "/etc/poddefaults/tls/tls.key", "--shutdown-delay", "5", "--metrics-port", "9090"],
            ManifestObjectTests.Strings(container["args"]));
        Assert.Equal("/etc/poddefaults/tls", (string?)mount["mountPath"]);
        Assert.True((bool?)mount["readOnly"]);
        Assert.Equal(overlay.Single("Certificate", "poddefaults-webhook")["spec"]!["secretName"]!.GetValue<string>(), (string?)volume["secret"]!["secretName"]);
        Assert.DoesNotContain(overlay.Objects, o => (string?)o["metadata"]!["name"] == Name);
    }
}
