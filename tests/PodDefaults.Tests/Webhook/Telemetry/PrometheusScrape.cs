using System.Net.Sockets;
using PodDefaults.ApiServerStandIn;
using PodDefaults.Tests.Webhook.Sources.Cluster;

namespace PodDefaults.Tests.Webhook.Telemetry;

/// <summary>
/// A webhook following the stand-in API server with <c>--metrics-port</c>, after a few admissions (patched,
/// unchanged, rejected for a conflict, malformed), and what its <c>/metrics</c> answered then: every series of every instrument.
/// </summary>
public sealed class PrometheusScrape : IAsyncLifetime
{
    /// <summary>The tests that read this one scrape.</summary>
    public const string Collection = "Prometheus scrape";

    private StandInApiServer apiServer = null!;
    private TestKubeconfig kubeconfig = null!;

    public WebhookTestServer Webhook { get; private set; } = null!;

    public int MetricsPort { get; private set; }

    /// <summary>The exposition text of the scrape.</summary>
    public string Text { get; private set; } = "";

    public string? ContentType { get; private set; }

    /// <summary>Each series' name and its label names.</summary>
    public IReadOnlyDictionary<string, HashSet<string>> Series { get; private set; } = new Dictionary<string, HashSet<string>>();

    public async Task InitializeAsync()
    {
        apiServer = await StandInApiServer.StartAsync();
        apiServer.Store.Put(PodDefaultObjects.Env("web", "proxy", "frontend", "HTTPS_PROXY", "http://proxy:3128"));
        // Two that disagree on one variable (a conflict), and one whose selector is unusable (skipped, counted).
        apiServer.Store.Put(PodDefaultObjects.Env("web", "proxy-a", "conflicting", "HTTPS_PROXY", "http://a:3128"));
        apiServer.Store.Put(PodDefaultObjects.Env("web", "proxy-b", "conflicting", "HTTPS_PROXY", "http://b:3128"));
        var invalid = PodDefaultObjects.Env("web", "invalid", "frontend", "X", "y");
        invalid["spec"]!["selector"] = JsonNode.Parse("""{"matchExpressions":[{"key":"app","operator":"Nope"}]}""");
        apiServer.Store.Put(invalid);
        kubeconfig = new TestKubeconfig();
        var config = kubeconfig.Write(apiServer.BaseUri, "", "token: any");
        MetricsPort = FreePort();
        Webhook = await WebhookTestServer.StartAsync(_ => { },
            options => options with { DefaultsPath = null, Kubeconfig = config, MetricsPort = MetricsPort });

        foreach (var app in new[] { "frontend", "frontend", "backend", "conflicting" })
            (await Webhook.PostReviewAsync(Review(app))).EnsureSuccessStatusCode();
        using var malformed = await Webhook.PostReviewAsync("{");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{MetricsPort}/metrics"));
        response.EnsureSuccessStatusCode();
        ContentType = response.Content.Headers.ContentType?.ToString();
        Text = await response.Content.ReadAsStringAsync();
        Series = PrometheusText.Series(Text);
    }

    public async Task DisposeAsync()
    {
        await Webhook.DisposeAsync();
        kubeconfig.Dispose();
        await apiServer.DisposeAsync();
    }

    private static string Review(string app) => new JsonObject
    {
        ["apiVersion"] = "admission.k8s.io/v1",
        ["kind"] = "AdmissionReview",
        ["request"] = new JsonObject
        {
            ["uid"] = Guid.NewGuid().ToString(),
            ["resource"] = new JsonObject { ["group"] = "", ["version"] = "v1", ["resource"] = "pods" },
            ["namespace"] = "web",
            ["operation"] = "CREATE",
            ["object"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = "p", ["labels"] = new JsonObject { ["app"] = app } },
                ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "c" }) },
            },
        },
    }.ToJsonString();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(PrometheusScrape.Collection)]
public sealed class PrometheusScrapeCollection : ICollectionFixture<PrometheusScrape>;
