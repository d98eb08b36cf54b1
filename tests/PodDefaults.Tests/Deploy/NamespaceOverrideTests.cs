namespace PodDefaults.Tests.Deploy;

/// <summary>
/// A kustomize <c>namespace:</c> override, and nothing else, moves every reference to the webhook's
/// namespace (Deploy/Overlays/ holds the overlays an SRE would write; the shipped kustomizations
/// resolve the references with vars, after the override).
/// </summary>
public class NamespaceOverrideTests
{
    public static TheoryData<string> MovedVariants =>
        [RenderedManifests.MovedBaseDirectory, RenderedManifests.MovedCertManagerDirectory, RenderedManifests.MovedPrometheusDirectory];

    public static TheoryData<string> EveryRendering =>
        [.. RenderedManifests.Variants, RenderedManifests.PrometheusDirectory, RenderedManifests.MovedPrometheusDirectory];

    [Theory]
    [MemberData(nameof(MovedVariants))]
    public void No_reference_to_the_default_namespace_is_left(string variant)
    {
        var rendered = RenderedManifests.Of(variant);

        Assert.DoesNotContain("poddefaults-system", rendered.Text);
        Assert.Contains("platform-webhooks", rendered.Text);
    }

    [Theory]
    [MemberData(nameof(EveryRendering))]
    public void No_variable_is_left_unresolved(string variant)
    {
        var rendered = RenderedManifests.Of(variant);

        Assert.DoesNotContain("$(POD_DEFAULTS_", rendered.Text);
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
    public void The_replica_alert_queries_the_moved_namespace()
    {
        var groups = RenderedManifests.Of(RenderedManifests.MovedPrometheusDirectory).Single("PrometheusRule")["spec"]!["groups"]!.AsArray();
        var expressions = groups.SelectMany(group => group!["rules"]!.AsArray()).Select(rule => (string?)rule!["expr"]);

        Assert.Contains(expressions, expr => expr!.Contains("namespace=\"platform-webhooks\", deployment=\"poddefaults-webhook\""));
    }

    [Theory]
    [InlineData(RenderedManifests.CertManagerDirectory, RenderedManifests.MovedCertManagerDirectory)]
    [InlineData(RenderedManifests.BaseDirectory, RenderedManifests.MovedBaseDirectory)]
    [InlineData(RenderedManifests.PrometheusDirectory, RenderedManifests.MovedPrometheusDirectory)]
    public void Moved_and_shipped_renderings_differ_only_by_the_namespace(string shipped, string moved)
    {
        Assert.Equal(
            RenderedManifests.Of(shipped).Text,
            RenderedManifests.Of(moved).Text.Replace("platform-webhooks", "poddefaults-system"));
    }
}
