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

    private static JsonObject CaCertificate => Overlay.Single("Certificate", "poddefaults-ca");

    [Fact]
    public void Serving_certificate_is_signed_by_a_ca_issuer_whose_ca_is_self_signed()
    {
        // Root Issuer (selfSigned) -> CA Certificate -> CA Issuer -> serving certificate.
        var leafIssuer = IssuerOf(Certificate);
        Assert.Equal((string?)CaCertificate["spec"]!["secretName"], (string?)leafIssuer["spec"]!["ca"]?["secretName"]);

        Assert.True((bool?)CaCertificate["spec"]!["isCA"]);
        Assert.NotNull(IssuerOf(CaCertificate)["spec"]!["selfSigned"]);

        Assert.NotEqual(true, (bool?)Certificate["spec"]!["isCA"]);
        Assert.Null(leafIssuer["spec"]!["selfSigned"]);
    }

    [Fact]
    public void Renewals_keep_the_ca_the_api_server_trusts()
    {
        // The serving certificate may rotate its key: its CA is unchanged. The CA keeps its key, so
        // a renewed CA certificate still verifies the serving certificates it signed before.
        Assert.Equal("Never", (string?)CaCertificate["spec"]!["privateKey"]!["rotationPolicy"]);
        Assert.True(Hours(CaCertificate["spec"]!["duration"]) >= 10 * Hours(Certificate["spec"]!["duration"]));
        Assert.True(Hours(Certificate["spec"]!["renewBefore"]) * 2 <= Hours(Certificate["spec"]!["duration"]));
    }

    [Fact]
    public void Ca_injector_fills_the_webhooks_ca_bundle_with_the_ca()
    {
        var configuration = Overlay.Single("MutatingWebhookConfiguration", "poddefaults-webhook");
        var ca = CaCertificate["metadata"]!;

        Assert.Equal(
            $"{ca["namespace"]}/{ca["name"]}",
            (string?)configuration["metadata"]!["annotations"]!["cert-manager.io/inject-ca-from"]);
    }

    [Fact]
    public void Overlay_keeps_the_base_webhook_configuration()
    {
        var overlayWebhooks = Overlay.Single("MutatingWebhookConfiguration", "poddefaults-webhook")["webhooks"];
        var baseWebhooks = RenderedManifests.Base.Single("MutatingWebhookConfiguration", "poddefaults-webhook")["webhooks"];

        Assert.True(JsonNode.DeepEquals(baseWebhooks, overlayWebhooks));
    }

    private static JsonObject IssuerOf(JsonObject certificate)
    {
        var issuerRef = certificate["spec"]!["issuerRef"]!;
        Assert.Equal("Issuer", (string?)issuerRef["kind"]);
        return Overlay.Single("Issuer", (string)issuerRef["name"]!);
    }

    /// <summary>A cert-manager duration written in whole hours, as the overlay writes them ("2160h").</summary>
    private static int Hours(JsonNode? duration) =>
        int.Parse(((string)duration!).TrimEnd('h'), System.Globalization.CultureInfo.InvariantCulture);
}
