using System.Diagnostics;
using PodDefaults.Tests.Deploy;

namespace PodDefaults.Tests.Webhook.Telemetry;

/// <summary>
/// deploy/manifests/overlays/prometheus: the alert rules are well formed (and pass <c>promtool check rules</c>
/// where it is installed), and every query of the rules and the Grafana dashboard selects a series that exists:
/// the webhook's own from a live scrape, the API server's and kube-state-metrics' from their sources.
/// </summary>
[Collection(PrometheusScrape.Collection)]
public sealed class PrometheusMonitoringTests(PrometheusScrape scrape)
{
    private const string Overlay = RenderedManifests.PrometheusDirectory;

    private static readonly string[] Prefixes = ["poddefaults_", "apiserver_", "kube_"];

    /// <summary>
    /// Series this webhook does not export, with their labels: the API server's webhook metrics
    /// (staging/src/k8s.io/apiserver/pkg/admission/metrics/metrics.go) and kube-state-metrics' Deployment status.
    /// </summary>
    private static readonly Dictionary<string, string[]> ForeignSeries = new()
    {
        ["apiserver_admission_webhook_admission_duration_seconds_bucket"] = ["name", "type", "operation", "rejected"],
        ["apiserver_admission_webhook_admission_duration_seconds_count"] = ["name", "type", "operation", "rejected"],
        ["apiserver_admission_webhook_rejection_count"] = ["name", "type", "operation", "error_type", "rejection_code"],
        ["apiserver_admission_webhook_fail_open_count"] = ["name", "type"],
        ["apiserver_admission_webhook_request_total"] = ["name", "type", "operation", "code", "rejected"],
        ["kube_deployment_status_replicas_available"] = ["namespace", "deployment"],
    };

    /// <summary>Labels Prometheus adds to every scraped series from the PodMonitor's target.</summary>
    private static readonly string[] TargetLabels = ["pod", "namespace", "container", "job", "instance"];

    private static RenderedManifests Rendered => RenderedManifests.Of(Overlay);

    [Fact]
    public void The_overlay_renders_a_pod_monitor_the_rules_and_the_dashboard()
    {
        var monitor = Rendered.Single("PodMonitor");
        Assert.Equal("metrics", (string?)monitor["spec"]!["podMetricsEndpoints"]![0]!["port"]);
        Assert.Single(Rendered.OfKind("PrometheusRule"));
        var dashboard = Rendered.Single("ConfigMap");
        Assert.Equal("1", (string?)dashboard["metadata"]!["labels"]!["grafana_dashboard"]);
        Assert.NotNull(JsonNode.Parse((string)dashboard["data"]!["poddefaults.json"]!));
    }

    [Fact]
    public void Every_rule_is_an_alert_with_a_severity_and_a_summary()
    {
        var rules = Rules().ToList();
        Assert.True(rules.Count >= 7, $"only {rules.Count} rules");
        foreach (var rule in rules)
        {
            var alert = (string?)rule["alert"];
            Assert.Matches("^PodDefaults[A-Za-z]+$", alert);
            Assert.False(string.IsNullOrWhiteSpace((string?)rule["expr"]), alert);
            Assert.Contains((string?)rule["labels"]?["severity"], new[] { "warning", "critical" });
            Assert.False(string.IsNullOrWhiteSpace((string?)rule["annotations"]?["summary"]), alert);
            if (rule["for"] is { } duration)
                Assert.Matches(@"^\d+[smh]$", (string?)duration);
        }
        Assert.Equal(rules.Count, rules.Select(r => (string?)r["alert"]).Distinct().Count());
    }

    [Fact]
    public void The_api_server_alerts_name_this_webhook()
    {
        var webhookName = (string?)RenderedManifests.Base.Single("MutatingWebhookConfiguration")["webhooks"]![0]!["name"];
        var apiServerRules = Rules().Where(r => ((string)r["expr"]!).Contains("apiserver_", StringComparison.Ordinal)).ToList();
        Assert.True(apiServerRules.Count >= 2);
        Assert.All(apiServerRules, rule => Assert.Contains($"name=\"{webhookName}\"", (string)rule["expr"]!));
    }

    [Fact]
    public void The_rules_query_only_series_that_exist()
    {
        AssertSelectsExistingSeries(Rules().Select(r => ((string)r["alert"]!, (string)r["expr"]!)));
    }

    [Fact]
    public void The_dashboard_loads_and_queries_only_series_that_exist()
    {
        var dashboard = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Of($"{Overlay}/grafana-dashboard.json")))!;
        Assert.Equal("poddefaults-webhook", (string?)dashboard["uid"]);
        var targets = dashboard["panels"]!.AsArray()
            .SelectMany(panel => panel!["targets"]!.AsArray().Select(target => ((string)panel["title"]!, (string)target!["expr"]!)))
            .ToList();
        Assert.True(targets.Count >= 10);
        AssertSelectsExistingSeries(targets);
    }

    [SkippableFact]
    public void Promtool_accepts_the_rules()
    {
        var promtool = Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(dir => Path.Combine(dir, "promtool")).FirstOrDefault(File.Exists);
        Skip.If(promtool is null, "promtool is not installed (apt-get install prometheus); the schema checks above still ran");
        var file = Path.Combine(Path.GetTempPath(), $"poddefaults-rules-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, Rendered.Single("PrometheusRule")["spec"]!.ToJsonString());
        try
        {
            using var process = Process.Start(new ProcessStartInfo(promtool!, ["check", "rules", file]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "promtool did not finish");
            Assert.True(process.ExitCode == 0, $"promtool check rules failed:\n{output.Result}\n{error.Result}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static IEnumerable<JsonNode> Rules() =>
        Rendered.Single("PrometheusRule")["spec"]!["groups"]!.AsArray().SelectMany(group => group!["rules"]!.AsArray()).Select(rule => rule!);

    private void AssertSelectsExistingSeries(IEnumerable<(string Where, string Expr)> queries)
    {
        foreach (var (where, expr) in queries)
        {
            var selected = PrometheusText.Selected(expr, Prefixes).ToList();
            Assert.True(selected.Count > 0, $"{where}: selects no series: {expr}");
            foreach (var (series, labels) in selected)
            {
                var known = scrape.Series.TryGetValue(series, out var scraped) ? scraped.Concat(TargetLabels)
                    : ForeignSeries.TryGetValue(series, out var foreign) ? foreign
                    : null;
                Assert.True(known is not null, $"{where}: {series} is not a series that exists: {expr}");
                Assert.Empty(labels.Except(known!));
            }
        }
    }
}
