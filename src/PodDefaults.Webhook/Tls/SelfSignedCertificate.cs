using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PodDefaults.Webhook.Tls;

/// <summary>
/// The certificate served when no <c>--tls-cert</c> is given: made at startup, for local use and
/// tests, never written with its key.
/// </summary>
public static class SelfSignedCertificate
{
    private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";

    /// <summary>An ECDSA P-256 certificate for <c>localhost</c>, <c>127.0.0.1</c> and <c>::1</c>, valid for a year.</summary>
    public static X509Certificate2 Create(TimeProvider? time = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);

        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        request.CertificateExtensions.Add(
            new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(
            new X509EnhancedKeyUsageExtension([new Oid(ServerAuthOid)], critical: false));

        // Backdated a little so that a client whose clock runs behind still accepts it.
        var now = (time ?? TimeProvider.System).GetUtcNow();
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(1));
    }

    /// <summary>
    /// Writes the certificate (public part only) as PEM. Written to a temporary file and renamed,
    /// so that a client waiting for the file never reads half of it.
    /// </summary>
    public static void WritePem(X509Certificate2 certificate, string path)
    {
        var temporary = Path.Combine(
            Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, certificate.ExportCertificatePem() + "\n");
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }

            throw new TlsConfigurationException($"--self-signed-cert-out: cannot write '{path}': {e.Message}", e);
        }
    }
}
