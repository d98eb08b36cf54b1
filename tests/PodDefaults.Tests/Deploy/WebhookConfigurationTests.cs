namespace PodDefaults.Tests.Deploy;

public class WebhookConfigurationTests
{
    private static JsonObject Webhook =>
        RenderedManifests.Base.Single("MutatingWebhookConfiguration", "poddefaults-webhook")["webhooks"]!
            .AsArray().Single()!.AsObject();

    [Fact]
    public void Calls_kubeflows_path_on_the_webhook_service()
    {
        var service = Webhook["clientConfig"]!["service"]!;

        Assert.Equal("/apply-poddefault", (string?)service["path"]);
        Assert.Equal("poddefaults-webhook", (string?)service["name"]);
        Assert.Equal("poddefaults-system", (string?)service["namespace"]);
        Assert.Equal(443, (int?)service["port"]);
        RenderedManifests.Base.Single("Service", (string)service["name"]!);
    }

    [Fact]
    public void Mutates_pod_creation_only()
    {
        var rule = Assert.Single(Webhook["rules"]!.AsArray())!;

        Assert.Equal([""], ManifestObjectTests.Strings(rule["apiGroups"]));
        Assert.Equal(["v1"], ManifestObjectTests.Strings(rule["apiVersions"]));
        Assert.Equal(["CREATE"], ManifestObjectTests.Strings(rule["operations"]));
        Assert.Equal(["pods"], ManifestObjectTests.Strings(rule["resources"]));
    }

    [Fact]
    public void Fails_closed_without_side_effects_and_is_reinvoked()
    {
        Assert.Equal("Fail", (string?)Webhook["failurePolicy"]);
        Assert.Equal("None", (string?)Webhook["sideEffects"]);
        Assert.Equal("IfNeeded", (string?)Webhook["reinvocationPolicy"]);
        Assert.Equal("Equivalent", (string?)Webhook["matchPolicy"]);
        Assert.Equal(["v1", "v1beta1"], ManifestObjectTests.Strings(Webhook["admissionReviewVersions"]));
    }

    [Fact]
    public void Times_out_well_before_the_api_servers_limit()
    {
        var timeout = (int?)Webhook["timeoutSeconds"];

        Assert.NotNull(timeout);
        Assert.InRange(timeout.Value, 1, 10);
    }

    [Fact]
    public void Selects_pods_by_namespace_only()
    {
        // Kubeflow's opt-out is an annotation, which an objectSelector cannot see.
        Assert.Null(Webhook["objectSelector"]);
    }
}
