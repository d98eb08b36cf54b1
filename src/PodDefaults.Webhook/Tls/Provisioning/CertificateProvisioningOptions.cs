namespace PodDefaults.Webhook.Tls.Provisioning;

/// <summary>
/// The self-provisioned certificate mode (<c>--certificate-secret</c>, <c>--webhook-configuration</c>): the
/// replicas keep their serving certificate in one Secret and its CA in their own MutatingWebhookConfiguration.
/// The timings suit a real cluster; tests shorten them.
/// </summary>
public sealed record CertificateProvisioningOptions
{
    /// <summary>Namespace of the Secret (the pod's own by default).</summary>
    public required string SecretNamespace { get; init; }

    /// <summary>The Secret the manifests ship empty; the replicas fill it and rotate what it holds.</summary>
    public required string SecretName { get; init; }

    /// <summary>The MutatingWebhookConfiguration whose webhooks get the CA bundle, and whose services name the certificate.</summary>
    public required string WebhookConfigurationName { get; init; }

    /// <summary>How long a new CA and serving certificate are valid.</summary>
    public TimeSpan Validity { get; init; } = TimeSpan.FromDays(365);

    /// <summary>A rotation starts once the serving certificate has less than this left (a third of a year by default).</summary>
    public TimeSpan RenewBefore { get; init; } = TimeSpan.FromDays(120);

    /// <summary>
    /// How long each step of a rotation waits for the previous one to reach everyone: the new CA to reach the API
    /// server's view of the bundle before the serving certificate switches, and every replica to switch before the
    /// old CA leaves the bundle. Longer than <see cref="PollInterval"/> plus the API server's own delay.
    /// </summary>
    public TimeSpan PropagationDelay { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How often each replica reads the Secret and the webhook configuration.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Limit on one request to the API server.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary><c>namespace/name</c> of the Secret, for messages.</summary>
    public string SecretDisplayName => $"{SecretNamespace}/{SecretName}";
}
