using Microsoft.Extensions.ObjectPool;

namespace PodDefaults.Webhook.Telemetry;

/// <summary>Opens an <see cref="AdmissionObservation"/> per admission request; what they share lives here.</summary>
internal sealed class AdmissionTelemetry
{
    private readonly ObjectPool<AdmissionObservation> observations;

    public AdmissionTelemetry(WebhookMetrics metrics, ILoggerFactory loggers)
    {
        Metrics = metrics;
        Logger = loggers.CreateLogger(TelemetryNames.AdmissionLogCategory);
        observations = new DefaultObjectPool<AdmissionObservation>(new ObservationPolicy(this));
    }

    public WebhookMetrics Metrics { get; }

    public ILogger Logger { get; }

    /// <summary>Starts observing <paramref name="context"/>'s request; dispose the result once the response is written.</summary>
    public AdmissionObservation Observe(HttpContext context)
    {
        var observation = observations.Get();
        observation.Start(context);
        return observation;
    }

    internal void Return(AdmissionObservation observation) => observations.Return(observation);

    private sealed class ObservationPolicy(AdmissionTelemetry telemetry) : IPooledObjectPolicy<AdmissionObservation>
    {
        public AdmissionObservation Create() => new(telemetry);

        public bool Return(AdmissionObservation observation) => true;
    }
}
