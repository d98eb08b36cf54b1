namespace PodDefaults.Webhook.Tls.Provisioning;

/// <summary>A serving certificate and its key (PEM), and the CA certificate that signed it (PEM, without its key).</summary>
public sealed record IssuedPair(string CaCertificatePem, string CertificatePem, string KeyPem);
