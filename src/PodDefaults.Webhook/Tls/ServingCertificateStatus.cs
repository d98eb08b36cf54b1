namespace PodDefaults.Webhook.Tls;

/// <summary>
/// Whether the API server trusts the certificate being served, for <c>/readyz</c>. Always true when the
/// certificate comes from files or is self-signed (the operator vouches for them); in the self-provisioned mode,
/// true only while the webhook configuration's caBundle trusts what this replica serves.
/// </summary>
public sealed class ServingCertificateStatus(bool trusted)
{
    private volatile bool trusted = trusted;

    public bool IsTrusted => trusted;

    public void Set(bool value) => trusted = value;
}
