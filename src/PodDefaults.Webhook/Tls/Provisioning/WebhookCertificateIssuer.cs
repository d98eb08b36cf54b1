using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PodDefaults.Webhook.Tls.Provisioning;

/// <summary>
/// Makes a fresh CA and one serving certificate signed by it. The CA's private key is thrown away at once: the CA
/// signs nothing else, so a copy of the Secret never lets anyone issue other certificates the bundle trusts.
/// </summary>
public static class WebhookCertificateIssuer
{
    private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";

    // Backdated a little so that an API server whose clock runs behind still accepts a new certificate.
    private static readonly TimeSpan Backdate = TimeSpan.FromMinutes(5);

    /// <param name="dnsNames">The names the API server calls (<c>service.namespace.svc</c>...); the first is also the subject.</param>
    public static IssuedPair Issue(IReadOnlyList<string> dnsNames, DateTimeOffset now, TimeSpan validity)
    {
        ArgumentOutOfRangeException.ThrowIfZero(dnsNames.Count);
        var (notBefore, notAfter) = (now - Backdate, now + validity);

        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN=poddefaults-webhook-ca-{now.ToUnixTimeSeconds()}", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, critical: true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, critical: false));
        using var ca = caRequest.CreateSelfSigned(notBefore, notAfter);

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={dnsNames[0]}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in dnsNames)
            names.AddDnsName(name);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthOid)], critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        using var leaf = request.Create(ca, notBefore, notAfter, SerialNumber());

        return new IssuedPair(ca.ExportCertificatePem() + "\n", leaf.ExportCertificatePem() + "\n", key.ExportPkcs8PrivateKeyPem() + "\n");
    }

    // Random and positive (a DER INTEGER whose first bit is set would read as negative).
    private static byte[] SerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x01);
        return serial;
    }
}
