namespace PodDefaults.Tests.Deploy;

/// <summary>
/// A kustomize <c>namespace:</c> override, with deploy/manifests/namespace-references, moves every
/// reference to the webhook's namespace (Deploy/Overlays/ holds the overlays an SRE would write).
/// </summary>
public class NamespaceOverrideTests
{
    public static TheoryData<string> MovedVariants =>
        [RenderedManifests.MovedBaseDirectory, RenderedManifests.MovedCertManagerDirectory];

    [Theory]
    [MemberData(nameof(MovedVariants))]
    public void No_reference_to_the_default_namespace_is_left(string variant)
    {
        var rendered = RenderedManifests.Of(variant);

        Assert.DoesNotContain("poddefaults-system", rendered.Text);
        Assert.Contains("platform-webhooks", rendered.Text);
    }

    [Fact]
    public void Certificate_names_and_ca_injection_follow_the_namespace()
    {
        var rendered = RenderedManifests.Of(RenderedManifests.MovedCertManagerDirectory);
        var certificate = rendered.Single("Certificate", "poddefaults-webhook");
        var configuration = rendered.Single("MutatingWebhookConfiguration", "poddefaults-webhook");

        Assert.Equal(
            ["poddefaults-webhook.platform-webhooks.svc", "poddefaults-webhook.platform-webhooks.svc.cluster.local"],
            ManifestObjectTests.Strings(certificate["spec"]!["dnsNames"]));
        Assert.Equal("platform-webhooks/poddefaults-ca", (string?)configuration["metadata"]!["annotations"]!["cert-manager.io/inject-ca-from"]);
        Assert.Equal("platform-webhooks", (string?)configuration["webhooks"]![0]!["clientConfig"]!["service"]!["namespace"]);
    }

    [Fact]
    public void Without_an_override_the_references_are_unchanged()
    {
        // namespace-references applied to the default namespace is a no-op: the shipped overlays
        // and the moved ones differ only by the namespace.
        var shipped = RenderedManifests.CertManager.Text;
        var moved = RenderedManifests.Of(RenderedManifests.MovedCertManagerDirectory).Text;

        Assert.Equal(shipped, moved.Replace("platform-webhooks", "poddefaults-system"));
    }
}
