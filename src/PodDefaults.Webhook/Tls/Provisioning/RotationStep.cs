namespace PodDefaults.Webhook.Tls.Provisioning;

/// <summary>A change to the Secret that one replica is about to write, and why (for the log).</summary>
public sealed record RotationStep(string Description, CertificateSecretData Data);
