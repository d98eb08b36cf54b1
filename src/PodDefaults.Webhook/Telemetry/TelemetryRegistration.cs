using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using PodDefaults.Webhook.Server;

namespace PodDefaults.Webhook.Telemetry;

/// <summary>
/// Adds the webhook's telemetry to the host. The instruments and the log lines are always there; the OpenTelemetry
/// SDK (listeners, exporters) only when an OTLP endpoint is configured, so that otherwise no request pays for it.
/// Everything else comes from the standard variables, read by the SDK: <c>OTEL_EXPORTER_OTLP_*</c> (endpoint,
/// protocol <c>grpc</c> or <c>http/protobuf</c>, headers), <c>OTEL_SERVICE_NAME</c>, <c>OTEL_RESOURCE_ATTRIBUTES</c>,
/// <c>OTEL_TRACES_SAMPLER</c> and <c>OTEL_TRACES_SAMPLER_ARG</c>.
/// </summary>
public static class TelemetryRegistration
{
    /// <summary>ASP.NET Core's and the runtime's own meters: request durations, connections, GC, thread pool.</summary>
    private static readonly string[] PlatformMeters = ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime"];

    /// <param name="metricsPort">The <c>--metrics-port</c>: exports the meters to Prometheus too; null: not.</param>
    public static WebApplicationBuilder AddWebhookTelemetry(this WebApplicationBuilder builder, int? metricsPort = null)
    {
        builder.Services.AddSingleton<WebhookMetrics>();
        builder.Services.AddSingleton<AdmissionTelemetry>();
        // Log lines written inside a span carry its trace and span ids (shown by the JSON console with scopes).
        builder.Logging.Configure(logging => logging.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        builder.Logging.AddWebhookLogLevels();
        builder.Logging.AddKestrelLogRateLimit();
        var otlp = OtlpEndpoints.AreConfigured(builder.Configuration);
        if (!otlp && metricsPort is null)
            return builder;

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.Clear()
                // Defaults first: the environment's service name and attributes override them.
                .AddService(TelemetryNames.DefaultServiceName, serviceVersion: WebhookActivitySource.Instance.Version)
                .AddTelemetrySdk()
                .AddEnvironmentVariableDetector())
            .WithMetrics(metrics =>
            {
                metrics.AddMeter([TelemetryNames.Source, .. PlatformMeters]);
                if (metricsPort is not null)
                    metrics.AddPrometheusExporter();
            });
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing.AddSource(TelemetryNames.Source))
                .WithLogging()
                .UseOtlpExporter();
        }
        return builder;
    }

    /// <summary>
    /// <c>GET /metrics</c> on the metrics port only: the HTTPS port never answers it, and the metrics port answers
    /// nothing else (<see cref="WebhookHost"/> gives it 404 for every other path).
    /// </summary>
    public static WebApplication MapPrometheusMetrics(this WebApplication app, int? metricsPort)
    {
        if (metricsPort is { } port)
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
                context.Connection.LocalPort == port && context.Request.Path == PrometheusPath);
        }
        return app;
    }

    public const string PrometheusPath = "/metrics";
}
