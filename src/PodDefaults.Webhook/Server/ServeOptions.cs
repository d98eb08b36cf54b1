using System.Net;
using PodDefaults.Webhook.Telemetry;
using PodDefaults.Webhook.Tls;

namespace PodDefaults.Webhook.Server;

/// <summary>How <c>poddefaults serve</c> runs (docs/semantics.md §8).</summary>
public sealed record ServeOptions
{
    /// <summary>
    /// The largest review the API server can send for a pod it accepts (docs/semantics.md §2), 19 MiB:
    /// <list type="bullet">
    /// <item>the object: at most 3 MiB, the API server's request limit (stored in etcd as protobuf, which writes
    /// strings unescaped, so those 3 MiB are the bytes of the object's strings and structure, not of any JSON);</item>
    /// <item>escaping: Go's JSON encoder writes <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> and control characters as
    /// 6-byte <c>\u003c</c> escapes, 6 bytes for 1 (U+2028 and U+2029 are 6 for 3, quotes and backslashes 2 for 1),
    /// so the worst case is an object that is all such characters: 6 x 3 MiB = 18 MiB;</item>
    /// <item>the review carries the object once (<c>oldObject</c> is null for CREATE), plus an envelope (uid, kind,
    /// resource, userInfo with its groups and extra, options): 1 MiB allows for far more than any real one.</item>
    /// </list>
    /// Bodies grow as their bytes arrive, within <see cref="DefaultMaxBodyBufferBytes"/>, and none over 1 MiB is
    /// pooled: a large cap costs memory only while such a body is being read.
    /// </summary>
    public const int DefaultMaxRequestBytes = (6 * 3 + 1) * 1024 * 1024;

    /// <summary>
    /// What request bodies may hold at once, process-wide: one body at the cap while its buffer doubles (16 + 19 MiB)
    /// with room for others beside it, within the Deployment's 192 MiB limit next to a ~55 MB process.
    /// </summary>
    public const long DefaultMaxBodyBufferBytes = 64 * 1024 * 1024;

    /// <summary>
    /// The API server sends the whole body at once: 19 MiB take 0.2 s at 1 Gbit/s. Well under its 10 s default
    /// timeout and the 5 s of deploy/manifests, so a stalled body is answered 408 while the API server still waits.
    /// </summary>
    public static readonly TimeSpan DefaultBodyReadTimeout = TimeSpan.FromSeconds(3);

    /// <summary>PodDefault files or folder (<c>--defaults</c>); null reads them from the cluster.</summary>
    public string? DefaultsPath { get; init; }

    /// <summary>Kubeconfig for the cluster source (<c>--kubeconfig</c>); null: in cluster, else <c>KUBECONFIG</c>, else <c>~/.kube/config</c>.</summary>
    public string? Kubeconfig { get; init; }

    public IPAddress ListenAddress { get; init; } = IPAddress.Any;

    public int Port { get; init; } = KestrelTlsExtensions.DefaultPort;

    public TlsOptions Tls { get; init; } = new();

    public int MaxRequestBytes { get; init; } = DefaultMaxRequestBytes;

    /// <summary>
    /// Bytes that the request bodies being read may hold at once (<c>--max-body-buffer-bytes</c>), not counting
    /// buffers of up to 64 KiB; a body that needs more is answered 503 with Retry-After.
    /// </summary>
    /// <remarks>Null: <see cref="DefaultMaxBodyBufferBytes"/>, or twice <see cref="MaxRequestBytes"/> when that is more.</remarks>
    public long? MaxBodyBufferBytes { get; init; }

    /// <summary>The budget in force (<see cref="MaxBodyBufferBytes"/> or its default).</summary>
    public long BodyBufferBudget => MaxBodyBufferBytes ?? Math.Max(DefaultMaxBodyBufferBytes, 2L * MaxRequestBytes);

    /// <summary>How long a request body may take to arrive (<c>--body-read-timeout</c>); then 408 and the connection closes.</summary>
    public TimeSpan BodyReadTimeout { get; init; } = DefaultBodyReadTimeout;

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
