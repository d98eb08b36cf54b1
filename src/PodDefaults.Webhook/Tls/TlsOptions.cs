using PodDefaults.Webhook.Tls.Provisioning;

namespace PodDefaults.Webhook.Tls;

/// <summary>
/// Where the HTTPS certificate comes from: a PEM certificate and key pair (reloaded when the files
/// change), a Secret the replicas fill and rotate themselves (<see cref="Provisioning"/>), or, when none
/// is given, a self-signed certificate made at startup.
/// </summary>
public sealed record TlsOptions
{
    /// <summary>PEM certificate file (<c>--tls-cert</c>, <c>--tlsCertFile</c>): the leaf first, then intermediates.</summary>
    public string? CertFile { get; init; }

    /// <summary>PEM private key file (<c>--tls-key</c>, <c>--tlsKeyFile</c>).</summary>
    public string? KeyFile { get; init; }

    /// <summary>Where to write the self-signed certificate's PEM (<c>--self-signed-cert-out</c>), for clients to trust.</summary>
    public string? SelfSignedCertOut { get; init; }

    /// <summary>The self-provisioned mode (<c>--certificate-secret</c>, <c>--webhook-configuration</c>); null when off.</summary>
    public CertificateProvisioningOptions? Provisioning { get; init; }

    /// <summary>Throws a <see cref="TlsConfigurationException"/> for combinations that cannot be served.</summary>
    public void Validate()
    {
        if ((CertFile is null) != (KeyFile is null))
        {
            throw new TlsConfigurationException(
                "--tls-cert and --tls-key (--tlsCertFile and --tlsKeyFile) must be given together.");
        }

        if (CertFile is not null && SelfSignedCertOut is not null)
        {
            throw new TlsConfigurationException(
                "--self-signed-cert-out applies only without --tls-cert/--tls-key: there is no self-signed certificate to write.");
        }

        if (Provisioning is not null && (CertFile is not null || SelfSignedCertOut is not null))
        {
            throw new TlsConfigurationException(
                "--certificate-secret provisions the certificate itself: it cannot be combined with --tls-cert/--tls-key or --self-signed-cert-out.");
        }
    }
}
