using System.Globalization;
using System.Net;
using k8s.Exceptions;
using PodDefaults.Core.Selection;
using PodDefaults.Webhook.Server;
using PodDefaults.Webhook.Sources;
using PodDefaults.Webhook.Sources.Cluster;
using PodDefaults.Webhook.Sources.Files;
using PodDefaults.Webhook.Tls;
using PodDefaults.Webhook.Tls.Provisioning;

namespace PodDefaults.Webhook.Cli;

/// <summary><c>poddefaults serve</c>: the webhook.</summary>
public static class ServeCommand
{
    private static readonly Dictionary<string, string> Flags = new(StringComparer.Ordinal)
    {
        ["--defaults"] = "defaults",
        ["--kubeconfig"] = "kubeconfig",
        ["--port"] = "port",
        ["--webhookPort"] = "port",
        ["--listen"] = "listen",
        ["--tls-cert"] = "tls-cert",
        ["--tlsCertFile"] = "tls-cert",
        ["--tls-key"] = "tls-key",
        ["--tlsKeyFile"] = "tls-key",
        ["--self-signed-cert-out"] = "self-signed-cert-out",
        ["--max-request-bytes"] = "max-request-bytes",
        ["--max-body-buffer-bytes"] = "max-body-buffer-bytes",
        ["--body-read-timeout"] = "body-read-timeout",
        ["--shutdown-delay"] = "shutdown-delay",
        ["--certificate-secret"] = "certificate-secret",
        ["--webhook-configuration"] = "webhook-configuration",
    };

    /// <summary>Where a pod's namespace comes from when <c>--certificate-secret</c> names none (the Downward API, else the service account).</summary>
    private const string ServiceAccountNamespaceFile = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";

    public const string Usage = """
        poddefaults serve [--defaults PATH | --kubeconfig FILE] [--port N] [--listen ADDRESS]
                          [--tls-cert FILE --tls-key FILE | --self-signed-cert-out FILE
                           | --certificate-secret [NAMESPACE/]NAME --webhook-configuration NAME]
                          [--max-request-bytes N] [--max-body-buffer-bytes N] [--body-read-timeout SECONDS]
                          [--shutdown-delay SECONDS]

          --defaults PATH          PodDefaults from YAML/JSON files (a file or a folder, read recursively),
                                   reloaded on change. Without it: from the cluster, by list and watch.
          --kubeconfig FILE        The cluster to watch (default: in-cluster service account, else
                                   KUBECONFIG, else ~/.kube/config).
          --port N                 HTTPS port (default 4443; Kubeflow's --webhookPort also works).
          --listen ADDRESS         Address to listen on (default 0.0.0.0).
          --tls-cert, --tls-key    PEM certificate and key, reloaded on change (--tlsCertFile, --tlsKeyFile).
          --self-signed-cert-out   Without --tls-cert: write the self-signed certificate's PEM here.
          --certificate-secret, --webhook-configuration
                                   Provision the serving certificate: fill this (empty) Secret, put its CA in the
                                   caBundle of this MutatingWebhookConfiguration, rotate both before expiry. The
                                   Secret's namespace defaults to the pod's (POD_NAMESPACE, else the service account's).
          --max-request-bytes N    Larger bodies get 413 (default 19922944 = 19 MiB, the largest review the API
                                   server can send: a pod of at most 3 MiB whose every byte Go's JSON encoder
                                   writes as a 6-byte escape (<, >, & become \u003c...), 6 x 3 = 18 MiB, carried
                                   once (oldObject is null for CREATE), plus 1 MiB for the review around it).
          --max-body-buffer-bytes N
                                   Bytes the request bodies being read may hold at once, not counting buffers
                                   of up to 64 KiB (default 67108864 = 64 MiB, or twice --max-request-bytes if
                                   more); a body that needs more gets 503 with Retry-After.
          --body-read-timeout SECONDS
                                   How long a body may take to arrive, then 408 and the connection closes
                                   (default 3; the API server sends it at once and waits 10 s at most).
          --shutdown-delay SECONDS After SIGTERM, keep serving this long with /readyz at 503 before
                                   draining (default 0; the Deployment uses 5 so endpoints update first).
        """;

    public static ServeOptions Parse(IReadOnlyList<string> args)
    {
        var cli = CliArguments.Parse(args, Flags);
        var listen = cli.Get("listen");
        if (listen is not null && !IPAddress.TryParse(listen, out _))
            throw new CliException($"--listen \"{listen}\" is not an IP address");
        var maxBytes = cli.Get("max-request-bytes") is { } text
            ? int.TryParse(text, out var parsed) && parsed > 0 ? parsed : throw new CliException($"--max-request-bytes \"{text}\" is not a positive number")
            : ServeOptions.DefaultMaxRequestBytes;
        var bufferBytes = cli.Get("max-body-buffer-bytes") is { } buffer
            ? long.TryParse(buffer, out var parsedBuffer) && parsedBuffer > 0 ? parsedBuffer : throw new CliException($"--max-body-buffer-bytes \"{buffer}\" is not a positive number")
            : Math.Max(ServeOptions.DefaultMaxBodyBufferBytes, 2L * maxBytes);
        // A body's buffer doubles as it grows: one body at the cap needs up to twice the cap at once.
        if (bufferBytes < 2L * maxBytes)
            throw new CliException($"--max-body-buffer-bytes {bufferBytes} is less than twice --max-request-bytes ({maxBytes}): a body at the cap could never be read");
        var timeout = cli.Get("body-read-timeout") is { } timeoutText
            ? double.TryParse(timeoutText, NumberStyles.Float, CultureInfo.InvariantCulture, out var timeoutSeconds) && timeoutSeconds is > 0 and <= 30
                ? TimeSpan.FromSeconds(timeoutSeconds)
                : throw new CliException($"--body-read-timeout \"{timeoutText}\" is not a number of seconds above 0, at most 30")
            : ServeOptions.DefaultBodyReadTimeout;
        return new ServeOptions
        {
            DefaultsPath = cli.Get("defaults"),
            Kubeconfig = cli.Get("kubeconfig"),
            Port = cli.Port("port", KestrelTlsExtensions.DefaultPort),
            ListenAddress = listen is null ? IPAddress.Any : IPAddress.Parse(listen),
            Tls = new TlsOptions
            {
                CertFile = cli.Get("tls-cert"),
                KeyFile = cli.Get("tls-key"),
                SelfSignedCertOut = cli.Get("self-signed-cert-out"),
                Provisioning = Provisioning(cli.Get("certificate-secret"), cli.Get("webhook-configuration")),
            },
            MaxRequestBytes = maxBytes,
            MaxBodyBufferBytes = bufferBytes,
            BodyReadTimeout = timeout,
            ShutdownDelay = TimeSpan.FromSeconds(cli.Get("shutdown-delay") is { } delay
                ? int.TryParse(delay, out var seconds) && seconds is >= 0 and <= 25 ? seconds : throw new CliException($"--shutdown-delay \"{delay}\" is not a number of seconds from 0 to 25")
                : 0),
        };
    }

    private static CertificateProvisioningOptions? Provisioning(string? secret, string? configuration)
    {
        if (secret is null && configuration is null)
            return null;
        if (secret is null || configuration is null)
            throw new CliException("--certificate-secret and --webhook-configuration must be given together");
        var slash = secret.IndexOf('/', StringComparison.Ordinal);
        var (ns, name) = slash >= 0 ? (secret[..slash], secret[(slash + 1)..]) : (OwnNamespace(), secret);
        if (ns.Length == 0 || name.Length == 0 || name.Contains('/', StringComparison.Ordinal))
            throw new CliException($"--certificate-secret \"{secret}\" is not NAME or NAMESPACE/NAME");
        return new CertificateProvisioningOptions { SecretNamespace = ns, SecretName = name, WebhookConfigurationName = configuration };
    }

    private static string OwnNamespace()
    {
        if (Environment.GetEnvironmentVariable("POD_NAMESPACE") is { Length: > 0 } fromEnvironment)
            return fromEnvironment;
        try
        {
            return File.ReadAllText(ServiceAccountNamespaceFile).Trim() is { Length: > 0 } fromServiceAccount
                ? fromServiceAccount
                : throw new CliException($"--certificate-secret: {ServiceAccountNamespaceFile} is empty; give NAMESPACE/NAME");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException("--certificate-secret: no namespace given, no POD_NAMESPACE and not in a pod; give NAMESPACE/NAME");
        }
    }

    public static int Run(IReadOnlyList<string> args)
    {
        var options = Parse(args);
        try
        {
            options.Tls.Validate();
        }
        catch (TlsConfigurationException error)
        {
            throw new CliException(error.Message);
        }
        var source = SourceFactory(options);
        // The self-provisioned mode reads and writes its Secret and webhook configuration in the cluster, even
        // when PodDefaults come from files.
        Action<WebApplicationBuilder>? provisioning = options.Tls.Provisioning is null
            ? null
            : builder => builder.Services.AddSingleton(Connect(options, "no cluster to provision the certificate in"));
        try
        {
            WebhookHost.Build(options, source, provisioning).Run();
        }
        catch (IOException error) when (error.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            throw new CliException($"cannot listen on {options.ListenAddress}:{options.Port}: the address is in use");
        }
        catch (TlsConfigurationException error)
        {
            throw new CliException(error.Message);
        }
        return Environment.ExitCode;
    }

    /// <summary>Files when <c>--defaults</c> is given (checked now: a wrong path fails the start), else the cluster.</summary>
    public static Func<IServiceProvider, IPodDefaultSource> SourceFactory(ServeOptions options)
    {
        if (options.DefaultsPath is { } defaults)
        {
            DefaultsPath path;
            try
            {
                path = new DefaultsPath(defaults);
            }
            catch (FileNotFoundException error)
            {
                throw new CliException(error.Message);
            }
            return services => new FilePodDefaultSource(path, services.GetRequiredService<SnapshotHolder>(),
                services.GetRequiredService<SourceStatus>(), services.GetRequiredService<ILogger<FilePodDefaultSource>>(),
                FilePodDefaultSource.DefaultPollInterval);
        }
        var connection = Connect(options, "no cluster to read PodDefaults from", "; or pass --defaults PATH");
        return services => new ClusterPodDefaultSource(connection, services.GetRequiredService<SnapshotHolder>(),
            services.GetRequiredService<SourceStatus>(), services.GetRequiredService<ILogger<ClusterPodDefaultSource>>(),
            services.GetRequiredService<TimeProvider>());
    }

    /// <summary>The in-cluster service account, else <c>--kubeconfig</c>/<c>KUBECONFIG</c>/<c>~/.kube/config</c>.</summary>
    private static KubernetesConnection Connect(ServeOptions options, string purpose, string hint = "")
    {
        try
        {
            var configuration = options.Kubeconfig is { } kubeconfig
                ? KubernetesConfigLoader.FromKubeconfigFile(kubeconfig)
                : KubernetesConfigLoader.Load();
            return KubernetesConnection.FromConfiguration(configuration);
        }
        catch (Exception error) when (error is KubeConfigException or IOException)
        {
            throw new CliException($"{purpose}: {error.Message}{hint}");
        }
    }
}
