using System.Diagnostics;
using PodDefaults.Tests.Conformance;
using PodDefaults.Tests.Webhook.Telemetry.Otlp;
using PodDefaults.Webhook.Telemetry;

namespace PodDefaults.Tests.Webhook.Telemetry;

/// <summary>
/// One run of the real program exporting to an <see cref="OtlpReceiver"/> over one protocol: a patched pod with
/// and without the API server's <c>traceparent</c>, a conflict whose pod and PodDefault hold secret references and
/// long annotation values, an UPDATE (skipped) and a malformed body. Waits (bounded) until all of it was exported.
/// </summary>
public abstract class ExportScenario(string protocol) : IAsyncLifetime
{
    /// <summary>Patched, with PodDefaults skipped for an invalid selector (conformance case 36).</summary>
    public static readonly ConformanceCase Patched = ConformanceCase.Load("36-invalid-selectors-skipped-with-warning.yaml").InNamespaces("p-");

    /// <summary>Rejected; its pod and PodDefault reference secrets and carry long annotation values (case 52).</summary>
    public static readonly ConformanceCase Conflict = ConformanceCase.Load("52-secrets-never-in-messages.yaml").InNamespaces("c-");

    public static readonly ConformanceCase Update = ConformanceCase.Load("31-update-operation.yaml").InNamespaces("u-");

    /// <summary>Values of case 52 that docs/semantics.md §6 keeps out of every message, log line and export.</summary>
    public static readonly string[] Secrets =
    [
        "prod-db-creds-x7", "pw-key-q9", "staging-db-creds-k2", "pw-key-z4", "ml-team-s3-reader", "ml-team-admin",
        "manually-set-session-by-user-9999", "poddefaults-webhook-session-0001",
    ];

    public const string ServiceName = "poddefaults-under-test";
    public const string PodName = "poddefaults-6f7c9d-x2x4q";

    public string Protocol => protocol;

    public ActivityTraceId TraceId { get; } = ActivityTraceId.CreateRandom();

    public ActivitySpanId ApiServerSpanId { get; } = ActivitySpanId.CreateRandom();

    public OtlpReceiver Receiver { get; private set; } = null!;

    public WebhookProcess Webhook { get; private set; } = null!;

    public Dictionary<string, HttpStatusCode> Answers { get; } = [];

    public async Task InitializeAsync()
    {
        Receiver = await OtlpReceiver.StartAsync();
        var endpoint = protocol == "grpc" ? Receiver.GrpcEndpoint : Receiver.HttpEndpoint;
        Webhook = await WebhookProcess.StartAsync(folder =>
        {
            foreach (var (name, testCase) in new[] { ("patched", Patched), ("conflict", Conflict), ("update", Update) })
                File.WriteAllText(Path.Combine(folder, $"{name}.json"), testCase.PodDefaultListJson());
        }, new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = protocol,
            ["OTEL_SERVICE_NAME"] = ServiceName,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"k8s.pod.name={PodName},k8s.namespace.name=kubeflow,k8s.node.name=node-3",
            ["OTEL_TRACES_SAMPLER"] = "parentbased_traceidratio",
            ["OTEL_TRACES_SAMPLER_ARG"] = "1.0",
            // Export promptly, so that the tests wait little.
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "300",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "100",
            ["Logging__LogLevel__PodDefaults.Admission"] = "Debug",
        });

        await SendAsync("patched with traceparent", Patched.BuildReview(Guid.NewGuid().ToString()), $"00-{TraceId}-{ApiServerSpanId}-01");
        await SendAsync("patched", Patched.BuildReview(Guid.NewGuid().ToString()));
        await SendAsync("conflict", Conflict.BuildReview(Guid.NewGuid().ToString()));
        await SendAsync("update", Update.BuildReview(Guid.NewGuid().ToString()));
        await SendAsync("malformed", """{"kind":"AdmissionReview","apiVersion":"admission.k8s.io/v1"}""");

        // Bounded: a test that finds something missing says what; this only avoids asserting too early.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline && !AllArrived())
            await Task.Delay(100);
    }

    private async Task SendAsync(string what, string review, string? traceparent = null)
    {
        using var response = await Webhook.PostReviewAsync(review, traceparent);
        Answers[what] = response.StatusCode;
    }

    private bool AllArrived() =>
        AdmissionSpans().Count() >= Answers.Count
        && Outcomes(TelemetryNames.Metrics.AdmissionDuration).IsSupersetOf([OutcomeNames.Patched, OutcomeNames.Conflict, OutcomeNames.Skipped, OutcomeNames.Error])
        && Receiver.Received.AllMetrics.Any(m => m.Name == TelemetryNames.Metrics.Conflicts)
        && Receiver.Received.LogRecords.Any(l => l.Attributes.GetString("Reason") is not null);

    public IEnumerable<Span> AdmissionSpans() =>
        Receiver.Received.Spans.Select(s => s.Span).Where(s => s.Name == TelemetryNames.Spans.Admission);

    public IEnumerable<Span> SpansOf(string podName) =>
        AdmissionSpans().Where(s => s.Attributes.GetString(TelemetryNames.Attributes.PodName) == podName);

    /// <summary>The metric as last exported (cumulative: the last export holds every recording).</summary>
    public Metric? Latest(string name) => Receiver.Received.AllMetrics.LastOrDefault(m => m.Name == name);

    public HashSet<string> Outcomes(string histogram) =>
        [.. Latest(histogram)?.Histogram.DataPoints.Select(p => p.Attributes.GetString(TelemetryNames.Attributes.Outcome) ?? "") ?? []];

    public async Task DisposeAsync()
    {
        await Webhook.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

public sealed class GrpcExport() : ExportScenario("grpc");

public sealed class HttpProtobufExport() : ExportScenario("http/protobuf");
