using System.Text.Json.Nodes;
using Xunit;

namespace PodDefaults.Tests.Deploy;

public class CertManagerOverlayTests
{
    private static RenderedManifests Overlay => RenderedManifests.CertManager;

    private static JsonObject Certificate => Overlay.Single("Certificate", "poddefaults-webhook");

    [Fact]
    public void Certificate_names_the_webhook_service()
    {
        var service = Overlay.Single("Service", "poddefaults-webhook")["metadata"]!;
        var host = $"{service["name"]}.{service["namespace"]}.svc";

        Assert.Equal([host, $"{host}.cluster.local"], ManifestObjectTests.Strings(Certificate["spec"]!["dnsNames"]));
    }

    [Fact]
    public void Certificate_is_written_to_the_secret_the_deployment_mounts()
    {
        var volumes = Overlay.Single("Deployment", "poddefaults-webhook")["spec"]!["template"]!["spec"]!["volumes"]!;
        var mounted = volumes.AsArray().Select(v => (string?)v!["secret"]?["secretName"]).OfType<string>();

        Assert.Contains((string?)Certificate["spec"]!["secretName"], mounted);
    }

    [Fact]
    public void Certificate_is_issued_by_the_overlays_self_signed_issuer()
    {
        var issuerRef = Certificate["spec"]!["issuerRef"]!;
        var issuer = Overlay.Single("Issuer", (string)issuerRef["name"]!);

        Assert.Equal("Issuer", (string?)issuerRef["kind"]);
        Assert.NotNull(issuer["spec"]!["selfSigned"]);
    }

    [Fact]
    public void Ca_injector_fills_the_webhooks_ca_bundle_from_the_certificate()
    {
        var configuration = Overlay.Single("MutatingWebhookConfiguration", "poddefaults-webhook");
        var certificate = Certificate["metadata"]!;

        Assert.Equal(
            $"{certificate["namespace"]}/{certificate["name"]}",
            (string?)configuration["metadata"]!["annotations"]!["cert-manager.io/inject-ca-from"]);
    }

    [Fact]
    public void Overlay_keeps_the_base_webhook_configuration()
    {
        var overlayWebhooks = Overlay.Single("MutatingWebhookConfiguration", "poddefaults-webhook")["webhooks"];
        var baseWebhooks = RenderedManifests.Base.Single("MutatingWebhookConfiguration", "poddefaults-webhook")["webhooks"];

        Assert.True(JsonNode.DeepEquals(baseWebhooks, overlayWebhooks));
    }
}
