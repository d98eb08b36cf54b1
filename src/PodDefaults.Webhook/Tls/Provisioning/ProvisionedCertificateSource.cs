using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using PodDefaults.Webhook.Sources.Cluster;

namespace PodDefaults.Webhook.Tls.Provisioning;

/// <summary>
/// The self-provisioned certificate mode: every <see cref="CertificateProvisioningOptions.PollInterval"/> this
/// replica reads its MutatingWebhookConfiguration and the Secret, writes the Secret when it is empty or a
/// rotation step is due (<see cref="CertificateRotation"/>), makes the webhooks' caBundle equal the Secret's
/// bundle, and serves the Secret's pair. Every write sends the resourceVersion it read, so of replicas racing
/// exactly one write lands; the others get 409, read again and take the winner's. Admission never waits on any
/// of this: handshakes read <see cref="Current"/>.
/// </summary>
public sealed class ProvisionedCertificateSource : BackgroundService
{
    private readonly KubernetesObjectClient api;
    private readonly CertificateProvisioningOptions options;
    private readonly ServingCertificateStatus status;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly Backoff backoff;
    private readonly string secretPath;
    private readonly string configurationPath;
    private volatile ServerCertificate current;
    private string? servedPem;
    private int secretWrites;

    public ProvisionedCertificateSource(
        KubernetesConnection connection,
        CertificateProvisioningOptions options,
        ServingCertificateStatus status,
        ILogger<ProvisionedCertificateSource> logger,
        TimeProvider time)
    {
        (this.options, this.status, this.logger, this.time) = (options, status, logger, time);
        api = new KubernetesObjectClient(connection, options.RequestTimeout, time);
        backoff = new Backoff(options.InitialBackoff, options.MaxBackoff);
        secretPath = $"api/v1/namespaces/{Uri.EscapeDataString(options.SecretNamespace)}/secrets/{Uri.EscapeDataString(options.SecretName)}";
        configurationPath = "apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations/" + Uri.EscapeDataString(options.WebhookConfigurationName);

        // Kestrel needs a certificate from its first handshake on (the kubelet's probes do not verify it).
        status.Set(false);
        current = new ServerCertificate(SelfSignedCertificate.Create(time), []);
        ProvisioningLog.ServingPlaceholder(logger, options.SecretDisplayName);
    }

    /// <summary>The certificate for the next handshake.</summary>
    public ServerCertificate Current => current;

    /// <summary>Writes of the Secret this replica made that the API server accepted.</summary>
    public int SecretWrites => Volatile.Read(ref secretWrites);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan delay;
            try
            {
                await SyncAsync(stoppingToken).ConfigureAwait(false);
                backoff.Reset();
                delay = options.PollInterval;
            }
            catch (KubernetesApiException e) when (e.Code == 409 && backoff.Failures == 0)
            {
                // Another replica (or kubectl) wrote first: read again at once and go with what won.
                ProvisioningLog.LostRace(logger, e.Message);
                backoff.NextDelay();
                delay = TimeSpan.Zero;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && e is not OutOfMemoryException)
            {
                delay = backoff.NextDelay();
                ProvisioningLog.Retrying(logger, e is OperationCanceledException ? "no answer within the timeout" : e.Message, delay);
            }

            try
            {
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One round: read, write what is due, serve. Public for tests that drive rounds themselves.</summary>
    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        // The configuration first, then the Secret: a replica whose Secret is stale read the configuration before
        // the newer Secret's writer updated it, so its write of a stale bundle fails with 409 instead of landing.
        var configuration = await api.GetAsync(configurationPath, cancellationToken).ConfigureAwait(false);
        var secret = await api.GetAsync(secretPath, cancellationToken).ConfigureAwait(false);
        var dnsNames = WebhookConfiguration.ServiceDnsNames(configuration);
        var data = CertificateSecretData.Read(secret);
        var now = time.GetUtcNow();

        var step = CertificateRotation.Decide(data, now, dnsNames, certificate => Trusts(configuration, certificate, now), options);
        if (step is not null)
        {
            step.Data.WriteTo(secret);
            await api.ReplaceAsync(secretPath, secret, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref secretWrites);
            ProvisioningLog.WroteSecret(logger, options.SecretDisplayName, step.Description);
            data = step.Data;
        }

        var bundle = data.CaBundle!;
        if (!WebhookConfiguration.HasBundle(configuration, bundle))
        {
            WebhookConfiguration.SetBundle(configuration, bundle);
            configuration = await api.ReplaceAsync(configurationPath, configuration, cancellationToken).ConfigureAwait(false);
            ProvisioningLog.InjectedBundle(logger, options.WebhookConfigurationName, CaBundle.Read(bundle).Count, options.SecretDisplayName);
        }

        Serve(data.Certificate!, data.PrivateKey!);
        var trusted = Trusts(configuration, current.Leaf, time.GetUtcNow());
        if (!trusted && status.IsTrusted)
            ProvisioningLog.NotTrusted(logger);
        status.Set(trusted);
    }

    private void Serve(string certificatePem, string keyPem)
    {
        if (certificatePem == servedPem)
            return;
        try
        {
            var name = $"Secret {options.SecretDisplayName}";
            current = PemCertificateLoader.Parse($"{name} tls.crt", certificatePem, $"{name} tls.key", keyPem);
            servedPem = certificatePem;
            var leaf = current.Leaf;
            ProvisioningLog.Serving(logger, options.SecretDisplayName, leaf.Subject, leaf.Thumbprint, leaf.NotAfter.ToUniversalTime());
        }
        catch (TlsConfigurationException e)
        {
            ProvisioningLog.CannotServe(logger, options.SecretDisplayName, e.Message);
        }
    }

    // As the API server checks: each webhook is called with its own caBundle.
    private static bool Trusts(JsonObject configuration, X509Certificate2 certificate, DateTimeOffset at) =>
        WebhookConfiguration.CaBundles(configuration) is { Count: > 0 } bundles && bundles.All(bundle => CaBundle.Trusts(bundle, certificate, at));
}
