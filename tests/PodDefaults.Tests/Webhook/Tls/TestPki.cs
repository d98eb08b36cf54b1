using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PodDefaults.Tests.Webhook.Tls;

public enum KeyFormat
{
    RsaPkcs1,
    RsaPkcs8,
    EcSec1,
    EcPkcs8,
}

/// <summary>A certificate file's and a key file's contents, and the certificate they describe.</summary>
public sealed record PemPair(string CertPem, string KeyPem, X509Certificate2 Certificate)
{
    public string Thumbprint => Certificate.Thumbprint;
}

/// <summary>Makes throwaway certificate authorities and server certificates for tests.</summary>
public static class TestPki
{
    private const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuth = "1.3.6.1.5.5.7.3.2";

    /// <summary>A CA certificate with its private key; signed by <paramref name="issuer"/>, or self-signed.</summary>
    public static X509Certificate2 CreateCa(string name, X509Certificate2? issuer = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        var (notBefore, notAfter) = (DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        if (issuer is null)
        {
            return request.CreateSelfSigned(notBefore, notAfter);
        }

        using var signed = request.Create(
            issuer.SubjectName, SignedBy(issuer), notBefore, notAfter, RandomNumberGenerator.GetBytes(16));
        return signed.CopyWithPrivateKey(key);
    }

    /// <summary>A server certificate for localhost and 127.0.0.1 as PEM, with its key in <paramref name="format"/>.</summary>
    public static PemPair CreateServer(
        KeyFormat format = KeyFormat.EcSec1, X509Certificate2? issuer = null, bool clientAuthOnly = false)
    {
        using AsymmetricAlgorithm key = format is KeyFormat.RsaPkcs1 or KeyFormat.RsaPkcs8
            ? RSA.Create(2048)
            : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = key is RSA rsa
            ? new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new CertificateRequest("CN=localhost", (ECDsa)key, HashAlgorithmName.SHA256);

        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(clientAuthOnly ? ClientAuth : ServerAuth)], critical: false));

        var (notBefore, notAfter) = (DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(7));
        var certificate = issuer is null
            ? request.CreateSelfSigned(notBefore, notAfter)
            : request.Create(issuer.SubjectName, SignedBy(issuer), notBefore, notAfter, RandomNumberGenerator.GetBytes(16));

        var certPem = certificate.ExportCertificatePem() + "\n";
        if (issuer is not null && issuer.Subject != issuer.Issuer)
        {
            certPem += issuer.ExportCertificatePem() + "\n";
        }

        var keyPem = format switch
        {
            KeyFormat.RsaPkcs1 => ((RSA)key).ExportRSAPrivateKeyPem(),
            KeyFormat.EcSec1 => ((ECDsa)key).ExportECPrivateKeyPem(),
            _ => key.ExportPkcs8PrivateKeyPem(),
        };
        return new PemPair(certPem, keyPem + "\n", X509CertificateLoader.LoadCertificate(certificate.RawData));
    }

    // CAs here are ECDSA; servers may be RSA, which CertificateRequest.Create(issuer, ...) refuses.
    private static X509SignatureGenerator SignedBy(X509Certificate2 issuer) =>
        X509SignatureGenerator.CreateForECDsa(issuer.GetECDsaPrivateKey()!);
}
