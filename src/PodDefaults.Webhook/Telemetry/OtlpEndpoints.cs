namespace PodDefaults.Webhook.Telemetry;

/// <summary>Whether the standard <c>OTEL_EXPORTER_OTLP_*ENDPOINT</c> variables ask for OTLP export at all.</summary>
public static class OtlpEndpoints
{
    private static readonly string[] Keys =
    [
        "OTEL_EXPORTER_OTLP_ENDPOINT",
        "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
        "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT",
        "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT",
    ];

    /// <summary>True when any endpoint is set (the environment reaches <paramref name="configuration"/> unprefixed).</summary>
    public static bool AreConfigured(IConfiguration configuration) =>
        Keys.Any(key => !string.IsNullOrWhiteSpace(configuration[key]));
}
