using System.Net;
using PodDefaults.Webhook.Telemetry;
using PodDefaults.Webhook.Tls;

namespace PodDefaults.Webhook.Server;

/// <summary>How <c>poddefaults serve</c> runs (SEMANTICS.md section 8).</summary>
public sealed record ServeOptions
{
    /// <summary>
    /// The API server never sends a body over 3 MiB; the review around the largest pod stays below this.
    /// Larger bodies get 413 without being buffered.
    /// </summary>
    public const int DefaultMaxRequestBytes = 4 * 1024 * 1024;

    /// <summary>PodDefault files or folder (<c>--defaults</c>); null reads them from the cluster.</summary>
    public string? DefaultsPath { get; init; }

    /// <summary>Kubeconfig for the cluster source (<c>--kubeconfig</c>); null: in cluster, else <c>KUBECONFIG</c>, else <c>~/.kube/config</c>.</summary>
    public string? Kubeconfig { get; init; }

    public IPAddress ListenAddress { get; init; } = IPAddress.Any;

    public int Port { get; init; } = KestrelTlsExtensions.DefaultPort;

    public TlsOptions Tls { get; init; } = new();

    public int MaxRequestBytes { get; init; } = DefaultMaxRequestBytes;

    /// <summary>
    /// After SIGTERM, how long to keep serving (with <c>/readyz</c> at 503) before Kestrel stops accepting
    /// (<c>--shutdown-delay</c>): the API server learns that the pod's endpoint is gone a few seconds late
    /// and keeps sending until then.
    /// </summary>
    public TimeSpan ShutdownDelay { get; init; } = TimeSpan.Zero;

    /// <summary>How long requests in flight may take to finish once Kestrel stops accepting.</summary>
    /// <remarks>With the delay, stays within Kubernetes' default 30 s termination grace period.</remarks>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How log lines are written (<c>--log-format</c>); null: text on a terminal, JSON otherwise.</summary>
    public LogFormat? LogFormat { get; init; }

    /// <summary>The least severe log lines written (<c>--log-level</c>).</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>Plain-HTTP port of the Prometheus <c>/metrics</c> endpoint (<c>--metrics-port</c>); null: none.</summary>
    public int? MetricsPort { get; init; }
}
