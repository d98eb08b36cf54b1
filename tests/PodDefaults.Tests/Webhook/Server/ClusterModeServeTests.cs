using PodDefaults.ApiServerStandIn;
using PodDefaults.Tests.Core;
using PodDefaults.Tests.Webhook.Sources.Cluster;
using PodDefaults.Webhook.Cli;

namespace PodDefaults.Tests.Webhook.Server;

/// <summary>
/// <c>poddefaults serve --kubeconfig FILE</c> against the stand-in API server: the composed host lists and
/// watches PodDefaults, turns ready after the list, and patches pods from what the watch delivers.
/// </summary>
public sealed class ClusterModeServeTests
{
    [Fact]
    public async Task Serve_without_defaults_follows_the_cluster()
    {
        await using var apiServer = await StandInApiServer.StartAsync();
        apiServer.Store.Put(PodDefaultObjects.Env("web", "proxy", "frontend", "HTTPS_PROXY", "http://proxy:3128"));
        using var kubeconfig = new TestKubeconfig();
        var config = kubeconfig.Write(apiServer.BaseUri, "", "token: any");

        await using var webhook = await WebhookTestServer.StartAsync(_ => { }, options => options with { DefaultsPath = null, Kubeconfig = config });
        var first = await AdmitAsync(webhook);
        Assert.Contains("HTTPS_PROXY", first);

        apiServer.Store.Put(PodDefaultObjects.Env("web", "tracing", "frontend", "OTEL_SERVICE_NAME", "frontend"));
        await Eventually.TrueAsync(async () => (await AdmitAsync(webhook)).Contains("OTEL_SERVICE_NAME"), "the watched PodDefault applies");
        Assert.NotEmpty(apiServer.Watches);
    }

    [Fact]
    public void A_kubeconfig_that_does_not_exist_is_a_clear_startup_error()
    {
        var options = ServeCommand.Parse(["--kubeconfig", "/nonexistent/kubeconfig"]);

        var error = Assert.Throws<CliException>(() => ServeCommand.SourceFactory(options));

        Assert.Contains("/nonexistent/kubeconfig", error.Message);
    }

    private static async Task<string> AdmitAsync(WebhookTestServer webhook)
    {
        var review = EngineHarness.Review("""
            {"metadata":{"name":"p","labels":{"app":"frontend"}},"spec":{"containers":[{"name":"c"}]}}
            """, uid: "u", requestNamespace: "web");
        using var response = await webhook.PostReviewAsync(review);
        response.EnsureSuccessStatusCode();
        var patch = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["response"]!["patch"];
        return patch is null ? "" : Encoding.UTF8.GetString(Convert.FromBase64String((string)patch!));
    }
}
