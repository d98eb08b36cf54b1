using PodDefaults.Webhook.Server;
using PodDefaults.Webhook.Telemetry;
using PodDefaults.Webhook.Tls;

namespace PodDefaults.Webhook.Cli;

/// <summary>
/// Every flag of <c>poddefaults serve</c>, one declaration each, in the order <c>serve --help</c> lists them.
/// </summary>
/// <remarks>
/// To add a flag:
/// 1. a property for it in <see cref="ServeOptions"/> (or <see cref="TlsOptions"/>), with its default there;
/// 2. one entry below: name, value name, help, reader (<see cref="FlagValues"/>, or a new one there that throws
///    <see cref="FlagValueException"/>), where it lands, aliases, and the default as the help shows it.
///    Its variable, <c>PODDEFAULTS_</c> + the name, comes with it;
/// 3. a line in the README's "Use it" table, and a test in ServeFlagsTests if the reader is new.
/// Checks across flags (cert without key) belong where the options are used, not here.
/// </remarks>
internal static class ServeFlags
{
    // Before All: static fields are set in the order they are written.
    private static readonly Dictionary<string, LogLevel> LogLevels = new()
    {
        ["trace"] = LogLevel.Trace,
        ["debug"] = LogLevel.Debug,
        ["information"] = LogLevel.Information,
        ["warning"] = LogLevel.Warning,
        ["error"] = LogLevel.Error,
        ["critical"] = LogLevel.Critical,
        ["none"] = LogLevel.None,
    };

    /// <summary>What one of the two certificate flags leaves for the other to fill; checked in <see cref="ServeCommand"/>.</summary>
    private static readonly Tls.Provisioning.CertificateProvisioningOptions PartialProvisioning =
        new() { SecretNamespace = "", SecretName = "", WebhookConfigurationName = "" };

    public static readonly IReadOnlyList<ServeFlag> All =
    [
        new ServeFlag<string>("--defaults", "PATH",
            "PodDefaults from YAML/JSON files (a file or a folder, read recursively), reloaded on change. Without it: from the cluster, by list and watch.",
            FlagValues.ExistingPath, (o, v) => o with { DefaultsPath = v }),
        new ServeFlag<string>("--kubeconfig", "FILE",
            "The cluster to watch without --defaults (default: the in-cluster service account, else KUBECONFIG, else ~/.kube/config).",
            FlagValues.Text, (o, v) => o with { Kubeconfig = v }),
        new ServeFlag<int>("--port", "N",
            "HTTPS port.",
            FlagValues.Port, (o, v) => o with { Port = v },
            aliases: ["--webhookPort"], defaultText: $"{KestrelTlsExtensions.DefaultPort}"),
        new ServeFlag<System.Net.IPAddress>("--listen", "ADDRESS",
            "Address to listen on.",
            FlagValues.Address, (o, v) => o with { ListenAddress = v },
            defaultText: "0.0.0.0"),
        new ServeFlag<string>("--tls-cert", "FILE",
            "PEM certificate (the leaf, then intermediates), reloaded on change; with --tls-key.",
            FlagValues.ExistingFile, (o, v) => o with { Tls = o.Tls with { CertFile = v } },
            aliases: ["--tlsCertFile"]),
        new ServeFlag<string>("--tls-key", "FILE",
            "PEM private key of --tls-cert, reloaded on change.",
            FlagValues.ExistingFile, (o, v) => o with { Tls = o.Tls with { KeyFile = v } },
            aliases: ["--tlsKeyFile"]),
        new ServeFlag<string>("--self-signed-cert-out", "FILE",
            "Without --tls-cert: serve a self-signed certificate and write its PEM here, for clients to trust.",
            FlagValues.Text, (o, v) => o with { Tls = o.Tls with { SelfSignedCertOut = v } }),
        new ServeFlag<(string Namespace, string Name)>("--certificate-secret", "[NAMESPACE/]NAME",
            "Provision the serving certificate: fill this (empty) Secret, put its CA in the caBundle of --webhook-configuration, "
            + "rotate both before expiry. The namespace defaults to the pod's (POD_NAMESPACE, else the service account's).",
            FlagValues.SecretReference,
            (o, v) => o with { Tls = o.Tls with { Provisioning = (o.Tls.Provisioning ?? PartialProvisioning) with { SecretNamespace = v.Namespace, SecretName = v.Name } } }),
        new ServeFlag<string>("--webhook-configuration", "NAME",
            "The MutatingWebhookConfiguration whose caBundle --certificate-secret keeps; the two go together.",
            FlagValues.Text,
            (o, v) => o with { Tls = o.Tls with { Provisioning = (o.Tls.Provisioning ?? PartialProvisioning) with { WebhookConfigurationName = v } } }),
        new ServeFlag<int>("--max-request-bytes", "N",
            "Larger request bodies get 413. The default is the largest review the API server can send: a pod of at most "
            + "3 MiB whose every byte Go's JSON encoder writes as a 6-byte escape (<, >, & become \\u003c...), 6 x 3 = 18 MiB, "
            + "carried once (oldObject is null for CREATE), plus 1 MiB for the review around it.",
            FlagValues.PositiveNumber, (o, v) => o with { MaxRequestBytes = v },
            defaultText: $"{ServeOptions.DefaultMaxRequestBytes} (19 MiB)"),
        new ServeFlag<long>("--max-body-buffer-bytes", "N",
            "Bytes the request bodies being read may hold at once, not counting buffers of up to 64 KiB; a body that needs "
            + "more gets 503 with Retry-After. At least twice --max-request-bytes.",
            FlagValues.PositiveLong, (o, v) => o with { MaxBodyBufferBytes = v },
            defaultText: $"{ServeOptions.DefaultMaxBodyBufferBytes} (64 MiB), or twice --max-request-bytes if more"),
        new ServeFlag<TimeSpan>("--body-read-timeout", "SECONDS",
            "How long a request body may take to arrive, then 408 and the connection closes (the API server sends it at once and waits 10 s at most).",
            FlagValues.PositiveSeconds(30), (o, v) => o with { BodyReadTimeout = v },
            defaultText: $"{ServeOptions.DefaultBodyReadTimeout.TotalSeconds}"),
        new ServeFlag<TimeSpan>("--shutdown-delay", "SECONDS",
            "After SIGTERM, keep serving this long with /readyz at 503 before draining (the Deployment uses 5 so endpoints update first).",
            FlagValues.Seconds(25), (o, v) => o with { ShutdownDelay = v },
            defaultText: "0"),
        new ServeFlag<int?>("--metrics-port", "N",
            "Serve Prometheus metrics at http://ADDRESS:N/metrics (plain HTTP, nothing else on that port).",
            text => FlagValues.Port(text), (o, v) => o with { MetricsPort = v },
            defaultText: "none"),
        new ServeFlag<LogFormat?>("--log-format", "json|text",
            "How log lines are written: JSON objects for a collector, or text lines that start with their UTC timestamp.",
            FlagValues.OneOf<LogFormat?>(new Dictionary<string, LogFormat?> { ["json"] = LogFormat.Json, ["text"] = LogFormat.Text }),
            (o, v) => o with { LogFormat = v },
            defaultText: "text when stdout is a terminal, else json"),
        new ServeFlag<LogLevel>("--log-level", "LEVEL",
            "The least severe lines written: debug adds one line per admission.",
            FlagValues.OneOf(LogLevels), (o, v) => o with { LogLevel = v },
            defaultText: "information"),
    ];
}
