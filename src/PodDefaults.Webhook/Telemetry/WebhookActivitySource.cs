using System.Diagnostics;

namespace PodDefaults.Webhook.Telemetry;

/// <summary>
/// The product's one <see cref="ActivitySource"/>. Static, as ActivitySources are process-wide by design: without a
/// listener (no OTLP endpoint configured) starting an activity is a single check that returns null.
/// </summary>
public static class WebhookActivitySource
{
    public static ActivitySource Instance { get; } = new(TelemetryNames.Source, typeof(WebhookActivitySource).Assembly.GetName().Version?.ToString(3));
}
