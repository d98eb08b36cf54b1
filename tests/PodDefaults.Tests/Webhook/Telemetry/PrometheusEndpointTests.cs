using System.Globalization;
using System.Text.RegularExpressions;
using PodDefaults.Webhook.Server;

namespace PodDefaults.Tests.Webhook.Telemetry;

/// <summary><c>--metrics-port</c>: the same instruments as OTLP, at <c>/metrics</c> in the Prometheus text format.</summary>
[Collection(PrometheusScrape.Collection)]
public sealed class PrometheusEndpointTests(PrometheusScrape scrape)
{
    [Fact]
    public void Answers_in_the_text_exposition_format()
    {
        Assert.StartsWith("text/plain", scrape.ContentType);
        Assert.Contains("# TYPE poddefaults_admission_duration_seconds histogram", scrape.Text);
        Assert.Contains("# TYPE poddefaults_admission_reviews_total counter", scrape.Text);
    }

    [Theory]
    [InlineData("poddefaults_admission_duration_seconds_bucket")]
    [InlineData("poddefaults_admission_duration_seconds_count")]
    [InlineData("poddefaults_admission_reviews_total")]
    [InlineData("poddefaults_admission_patches_total")]
    [InlineData("poddefaults_admission_conflicts_total")]
    [InlineData("poddefaults_admission_invalid_poddefaults_total")]
    [InlineData("poddefaults_snapshot_poddefaults")]
    [InlineData("poddefaults_snapshot_age_seconds")]
    [InlineData("poddefaults_snapshot_generation")]
    [InlineData("poddefaults_source_relists_total")]
    [InlineData("poddefaults_source_watch_restarts_total")]
    [InlineData("poddefaults_source_failures_total")]
    public void Exposes_each_instrument(string series)
    {
        Assert.True(scrape.Series.ContainsKey(series), $"{series} missing from:\n{scrape.Text}");
    }

    [Theory]
    [InlineData("patched", 2)]
    [InlineData("unchanged", 1)]
    [InlineData("conflict", 1)]
    [InlineData("error", 1)]
    public void Counts_the_admissions_by_outcome(string outcome, int atLeast)
    {
        // At least: the SDK's listener sees every meter named PodDefaults in this process, other tests' servers too.
        var sample = Regex.Match(scrape.Text, $@"(?m)^poddefaults_admission_reviews_total\{{[^}}]*poddefaults_outcome=""{outcome}""[^}}]*\}} (?<value>\d+)");
        Assert.True(sample.Success, scrape.Text);
        Assert.True(int.Parse(sample.Groups["value"].Value, CultureInfo.InvariantCulture) >= atLeast, sample.Value);
    }

    [Fact]
    public void The_duration_buckets_include_the_api_servers()
    {
        foreach (var le in new[] { "0.005", "0.025", "0.1", "0.5", "1", "2.5", "10" })
            Assert.Matches($@"(?m)^poddefaults_admission_duration_seconds_bucket\{{[^}}]*le=""{Regex.Escape(le)}""", scrape.Text);
    }

    [Fact]
    public void Labels_are_bounded_no_pod_or_namespace()
    {
        var labels = scrape.Series.Where(s => s.Key.StartsWith("poddefaults_", StringComparison.Ordinal)).SelectMany(s => s.Value).ToHashSet();
        Assert.Subset(new HashSet<string> { "poddefaults_outcome", "le", "otel_scope_name", "otel_scope_version", "otel_scope_schema_url" }, labels);
    }

    [Fact]
    public async Task Each_port_serves_only_its_own_paths()
    {
        using var http = new HttpClient();
        using var admissionOnMetricsPort = await http.PostAsync(new Uri($"http://127.0.0.1:{scrape.MetricsPort}{WebhookPaths.ApplyPodDefault}"), new StringContent("{}"));
        Assert.Equal(HttpStatusCode.NotFound, admissionOnMetricsPort.StatusCode);
        using var metricsOnHttpsPort = await scrape.Webhook.Client.GetAsync(new Uri(scrape.Webhook.Address, "/metrics"));
        Assert.Equal(HttpStatusCode.NotFound, metricsOnHttpsPort.StatusCode);
    }
}
