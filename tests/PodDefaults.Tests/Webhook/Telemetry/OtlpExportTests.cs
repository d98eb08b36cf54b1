using PodDefaults.Tests.Webhook.Telemetry.Otlp;
using PodDefaults.Webhook;
using PodDefaults.Webhook.Telemetry;
using static PodDefaults.Webhook.Telemetry.TelemetryNames;

namespace PodDefaults.Tests.Webhook.Telemetry;

/// <summary>What an SRE's OTLP backend receives from the real program, over each protocol.</summary>
public abstract class OtlpExportTests(ExportScenario scenario)
{
    private const string PatchedPod = "etl-nightly";
    private const string ConflictPod = "db-client";

    [Fact]
    public void Every_export_came_by_the_configured_protocol()
    {
        Assert.NotEmpty(scenario.Receiver.Received.Traces);
        Assert.NotEmpty(scenario.Receiver.Received.Metrics);
        Assert.NotEmpty(scenario.Receiver.Received.Logs);
        Assert.All(scenario.Receiver.Received.Protocols, protocol => Assert.Equal(scenario.Protocol, protocol));
    }

    [Fact]
    public void The_span_continues_the_api_servers_trace()
    {
        var span = Assert.Single(scenario.AdmissionSpans(), s => s.TraceId.Hex() == scenario.TraceId.ToHexString());
        Assert.Equal(scenario.ApiServerSpanId.ToHexString(), span.ParentSpanId.Hex());
        Assert.Equal(SpanKind.Server, span.Kind);
    }

    [Fact]
    public void Without_traceparent_the_span_is_a_root()
    {
        var spans = scenario.SpansOf(PatchedPod).ToList();
        Assert.Equal(2, spans.Count);
        var root = Assert.Single(spans, s => s.TraceId.Hex() != scenario.TraceId.ToHexString());
        Assert.True(root.ParentSpanId.IsEmpty);
    }

    [Fact]
    public void The_span_describes_the_admission()
    {
        var span = scenario.SpansOf(PatchedPod).First();
        Assert.Equal(ExportScenario.Patched.Pod["metadata"]!["namespace"]!.GetValue<string>(), span.Attributes.GetString(Attributes.Namespace));
        Assert.Equal("CREATE", span.Attributes.GetString(Attributes.Operation));
        Assert.Equal(OutcomeNames.Patched, span.Attributes.GetString(Attributes.Outcome));
        Assert.Equal(1, span.Attributes.GetInt(Attributes.MatchedCount));
        Assert.Equal(["good-defaults"], span.Attributes.GetStrings(Attributes.MatchedNames)!);
        Assert.True(span.Attributes.GetInt(Attributes.PatchOperations) > 0);
        Assert.True(span.Attributes.GetInt(Attributes.SnapshotGeneration) > 0);
        Assert.Equal(200, span.Attributes.GetInt(Attributes.StatusCode));
    }

    [Fact]
    public void Invalid_selectors_are_span_events()
    {
        var span = scenario.SpansOf(PatchedPod).First();
        var reasons = span.Events.Where(e => e.Name == Events.InvalidSelector).Select(e => e.Attributes.GetString(Attributes.Reason)).ToList();
        Assert.Equal(3, reasons.Count);
        Assert.Contains(reasons, reason => reason!.Contains("bad-operator"));
    }

    [Fact]
    public void A_conflict_is_a_span_event_and_counted()
    {
        var span = Assert.Single(scenario.SpansOf(ConflictPod));
        Assert.Equal(OutcomeNames.Conflict, span.Attributes.GetString(Attributes.Outcome));
        Assert.Equal(["db-credentials"], span.Attributes.GetStrings(Attributes.MatchedNames)!);
        var conflicts = span.Events.Where(e => e.Name == Events.Conflict).ToList();
        Assert.Equal(2, conflicts.Count);
        Assert.All(conflicts, e => Assert.Equal("db-credentials", e.Attributes.GetString(Attributes.PodDefault)));
        Assert.Contains(conflicts, e => e.Attributes.GetString(Attributes.Reason)!.Contains("DB_PASSWORD"));

        var counted = scenario.Latest(TelemetryNames.Metrics.Conflicts);
        Assert.NotNull(counted);
        Assert.Equal(2, counted.Sum.DataPoints.Sum(p => p.AsInt));
    }

    [Fact]
    public void A_review_not_ours_is_a_skipped_span_without_events()
    {
        var span = Assert.Single(scenario.AdmissionSpans(), s => s.Attributes.GetString(Attributes.Outcome) == OutcomeNames.Skipped);
        Assert.Equal("UPDATE", span.Attributes.GetString(Attributes.Operation));
        Assert.Equal(0, span.Attributes.GetInt(Attributes.MatchedCount));
        Assert.Empty(span.Events);
    }

    [Fact]
    public void A_review_that_is_not_one_is_an_error_span()
    {
        Assert.Equal(HttpStatusCode.BadRequest, scenario.Answers["malformed"]);
        var span = Assert.Single(scenario.AdmissionSpans(), s => s.Attributes.GetString(Attributes.Outcome) == OutcomeNames.Error);
        Assert.Equal(StatusCode.Error, span.Status.Code);
        Assert.Equal(400, span.Attributes.GetInt(Attributes.StatusCode));
        Assert.Contains("request is missing", span.Status.Message);
    }

    [Fact]
    public void The_duration_histogram_arrives_by_outcome_with_fine_buckets()
    {
        var histogram = scenario.Latest(TelemetryNames.Metrics.AdmissionDuration);
        Assert.NotNull(histogram);
        Assert.Equal("s", histogram.Unit);
        var byOutcome = histogram.Histogram.DataPoints.ToDictionary(p => p.Attributes.GetString(Attributes.Outcome)!, p => p.Count);
        Assert.Equal(2ul, byOutcome[OutcomeNames.Patched]);
        Assert.Equal(1ul, byOutcome[OutcomeNames.Conflict]);
        Assert.Equal(1ul, byOutcome[OutcomeNames.Skipped]);
        Assert.Equal(1ul, byOutcome[OutcomeNames.Error]);
        var point = histogram.Histogram.DataPoints[0];
        Assert.Equal(PodDefaults.Webhook.Telemetry.WebhookMetrics.DurationBuckets, point.ExplicitBounds);
        Assert.Equal(point.ExplicitBounds.Count + 1, point.BucketCounts.Count);
    }

    [Fact]
    public void Counters_gauges_and_platform_metrics_arrive()
    {
        var reviews = scenario.Latest(TelemetryNames.Metrics.Reviews);
        Assert.Equal(5, reviews!.Sum.DataPoints.Sum(p => p.AsInt));
        Assert.Equal(2, scenario.Latest(TelemetryNames.Metrics.Patches)!.Sum.DataPoints.Sum(p => p.AsInt));
        Assert.Equal(6, scenario.Latest(TelemetryNames.Metrics.InvalidPodDefaults)!.Sum.DataPoints.Sum(p => p.AsInt));
        var podDefaults = ExportScenario.Patched.PodDefaults.Count + ExportScenario.Conflict.PodDefaults.Count + ExportScenario.Update.PodDefaults.Count;
        Assert.Equal(podDefaults, scenario.Latest(TelemetryNames.Metrics.SnapshotPodDefaults)!.Gauge.DataPoints.Single().AsInt);
        Assert.True(scenario.Latest(TelemetryNames.Metrics.SnapshotGeneration)!.Gauge.DataPoints.Single().AsInt > 0);
        Assert.NotNull(scenario.Latest(TelemetryNames.Metrics.SnapshotAge));
        Assert.NotNull(scenario.Latest("http.server.request.duration"));
        Assert.NotNull(scenario.Latest("kestrel.active_connections"));
        Assert.NotNull(scenario.Latest("dotnet.gc.collections"));
    }

    [Fact]
    public void The_resource_names_the_service_and_its_pod()
    {
        var resource = scenario.Receiver.Received.Spans.First().Resource;
        Assert.Equal(ExportScenario.ServiceName, resource.Attributes.GetString("service.name"));
        Assert.Equal(ExportScenario.PodName, resource.Attributes.GetString("k8s.pod.name"));
        Assert.Equal("kubeflow", resource.Attributes.GetString("k8s.namespace.name"));
        Assert.Equal("node-3", resource.Attributes.GetString("k8s.node.name"));
    }

    [Fact]
    public void Log_lines_carry_the_trace_of_their_admission()
    {
        var lines = scenario.Webhook.Output.Where(line => line.StartsWith('{')).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.DoesNotContain(lines, l => l.GetProperty("Category").GetString() == "Microsoft.AspNetCore.Hosting.Diagnostics");
        var answered = lines.Where(l => l.GetProperty("Category").GetString() == AdmissionLogCategory && l.GetProperty("LogLevel").GetString() == "Debug").ToList();
        Assert.Equal(4, answered.Count);
        Assert.All(answered, l => Assert.Equal(LogEvents.AdmissionAnswered, l.GetProperty("EventId").GetInt32()));
        Assert.All(lines, l => Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", l.GetProperty("Timestamp").GetString()));
        Assert.Contains(answered, l => TraceIdOf(l) == scenario.TraceId.ToHexString() && l.GetProperty("State").GetProperty("PodName").GetString() == PatchedPod);

        var rejected = Assert.Single(lines, l => l.GetProperty("Category").GetString() == AdmissionLogCategory && l.GetProperty("LogLevel").GetString() == "Information");
        var conflictSpan = Assert.Single(scenario.SpansOf(ConflictPod));
        Assert.Equal(conflictSpan.TraceId.Hex(), TraceIdOf(rejected));
        Assert.Single(lines, l => l.GetProperty("Category").GetString() == AdmissionLogCategory && l.GetProperty("LogLevel").GetString() == "Warning");

        var exported = Assert.Single(scenario.Receiver.Received.LogRecords, r => r.SeverityText == "Information" && r.Attributes.GetString("PodName") == ConflictPod);
        Assert.Equal(conflictSpan.TraceId, exported.TraceId);
    }

    [Fact]
    public void No_secret_is_exported_or_logged()
    {
        var exported = scenario.Receiver.Received.AllAsText();
        var logged = string.Join("\n", scenario.Webhook.Output);
        Assert.Contains(ConflictPod, exported);
        Assert.Contains(ConflictPod, logged);
        foreach (var secret in ExportScenario.Secrets)
        {
            Assert.DoesNotContain(secret, exported);
            Assert.DoesNotContain(secret, logged);
        }
    }

    private static string? TraceIdOf(JsonElement line) =>
        line.TryGetProperty("Scopes", out var scopes)
            ? scopes.EnumerateArray().Select(s => s.TryGetProperty("TraceId", out var id) ? id.GetString() : null).FirstOrDefault(id => id is not null)
            : null;
}

public sealed class GrpcExportTests(GrpcExport scenario) : OtlpExportTests(scenario), IClassFixture<GrpcExport>;

public sealed class HttpProtobufExportTests(HttpProtobufExport scenario) : OtlpExportTests(scenario), IClassFixture<HttpProtobufExport>;
