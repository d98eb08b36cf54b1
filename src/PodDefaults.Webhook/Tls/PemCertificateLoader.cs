using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PodDefaults.Webhook.Tls;

/// <summary>
/// Turns a PEM certificate file (leaf first, then intermediates) and a PEM private key file into a
/// <see cref="ServerCertificate"/>, or a <see cref="TlsConfigurationException"/> naming the file at fault.
/// </summary>
public static class PemCertificateLoader
{
    private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";

    public static ServerCertificate Load(string certFile, string keyFile) =>
        Parse(certFile, PemFile.ReadText(certFile), keyFile, PemFile.ReadText(keyFile));

    /// <summary>Like <see cref="Load"/>, from contents already read; the paths are for messages.</summary>
    public static ServerCertificate Parse(string certFile, string certPem, string keyFile, string keyPem)
    {
        var certificates = ReadCertificates(certFile, certPem);
        RequireServerAuth(certificates[0], certFile);

        // The copy with the private key holds its own reference to the key: both originals can go.
        using var key = PemPrivateKey.Read(keyFile, keyPem);
        using var publicLeaf = certificates[0];
        var leaf = WithPrivateKey(publicLeaf, key, certFile, keyFile);
        try
        {
            return new ServerCertificate(leaf, [.. certificates.Skip(1)]);
        }
        catch (CryptographicException e)
        {
            throw new TlsConfigurationException($"'{certFile}' cannot be served: {e.Message}", e);
        }
    }

    private static List<X509Certificate2> ReadCertificates(string certFile, string pem)
    {
        var certificates = new List<X509Certificate2>();
        foreach (var block in PemFile.Parse(certFile, pem).Where(b => b.Label == "CERTIFICATE"))
        {
            try
            {
                certificates.Add(X509CertificateLoader.LoadCertificate(block.Der));
            }
            catch (CryptographicException e)
            {
                throw new TlsConfigurationException(
                    $"'{certFile}': certificate {certificates.Count + 1} is not a valid X.509 certificate: {e.Message}", e);
            }
        }

        return certificates.Count > 0
            ? certificates
            : throw new TlsConfigurationException($"'{certFile}' holds no PEM CERTIFICATE block.");
    }

    private static X509Certificate2 WithPrivateKey(
        X509Certificate2 leaf, AsymmetricAlgorithm key, string certFile, string keyFile)
    {
        try
        {
            return key switch
            {
                RSA rsa => leaf.CopyWithPrivateKey(rsa),
                ECDsa ecdsa => leaf.CopyWithPrivateKey(ecdsa),
                _ => throw new UnreachableException($"PemPrivateKey returned a {key.GetType().Name}."),
            };
        }
        catch (ArgumentException e)
        {
            // CopyWithPrivateKey compares the key with the certificate's public key.
            throw new TlsConfigurationException(
                $"The private key in '{keyFile}' does not match the first certificate in '{certFile}' " +
                $"(subject {leaf.Subject}).", e);
        }
    }

    // Kestrel and Kubernetes' API server both refuse a certificate restricted to other purposes;
    // saying so here beats every handshake failing later.
    private static void RequireServerAuth(X509Certificate2 leaf, string certFile)
    {
        var usages = leaf.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault();
        if (usages is not null && !usages.EnhancedKeyUsages.Cast<Oid>().Any(u => u.Value == ServerAuthOid))
        {
            throw new TlsConfigurationException(
                $"'{certFile}': the certificate's extended key usage does not include serverAuth.");
        }
    }
}
