using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PodDefaults.Webhook.Tls;

namespace PodDefaults.Tests.Webhook.Tls;

public sealed class PemCertificateLoaderTests : IDisposable
{
    private readonly TempDirectory dir = new();

    private string CertFile => dir.File("tls.crt");

    private string KeyFile => dir.File("tls.key");

    public void Dispose() => dir.Dispose();

    [Theory]
    [InlineData(KeyFormat.RsaPkcs1)]
    [InlineData(KeyFormat.RsaPkcs8)]
    [InlineData(KeyFormat.EcSec1)]
    [InlineData(KeyFormat.EcPkcs8)]
    public void Loads_the_certificate_with_a_usable_private_key(KeyFormat format)
    {
        var pair = TestPki.CreateServer(format);
        Write(pair.CertPem, pair.KeyPem);

        var loaded = PemCertificateLoader.Load(CertFile, KeyFile);

        Assert.Equal(pair.Thumbprint, loaded.Leaf.Thumbprint);
        Assert.Empty(loaded.Intermediates);
        AssertSignsWithCertificateKey(loaded.Leaf);
    }

    [Fact]
    public void Intermediates_after_the_leaf_are_kept_and_presented()
    {
        using var root = TestPki.CreateCa("Test Root");
        using var intermediate = TestPki.CreateCa("Test Intermediate", root);
        var pair = TestPki.CreateServer(KeyFormat.RsaPkcs8, issuer: intermediate);
        Write(pair.CertPem, pair.KeyPem);

        var loaded = PemCertificateLoader.Load(CertFile, KeyFile);

        Assert.Equal(pair.Thumbprint, loaded.Leaf.Thumbprint);
        Assert.Equal(intermediate.Thumbprint, Assert.Single(loaded.Intermediates).Thumbprint);
        Assert.Contains(loaded.Context.IntermediateCertificates, c => c.Thumbprint == intermediate.Thumbprint);
    }

    [Theory]
    [InlineData(KeyFormat.EcSec1)]
    [InlineData(KeyFormat.RsaPkcs1)]
    public void A_key_of_another_certificate_is_rejected_naming_both_files(KeyFormat otherKeyFormat)
    {
        var pair = TestPki.CreateServer(KeyFormat.EcPkcs8);
        var other = TestPki.CreateServer(otherKeyFormat);
        Write(pair.CertPem, other.KeyPem);

        var error = Assert.Throws<TlsConfigurationException>(() => PemCertificateLoader.Load(CertFile, KeyFile));

        Assert.Contains("does not match", error.Message);
        Assert.Contains(KeyFile, error.Message);
        Assert.Contains(CertFile, error.Message);
    }

    [Fact]
    public void A_missing_certificate_file_is_named()
    {
        File.WriteAllText(KeyFile, TestPki.CreateServer().KeyPem);

        var error = Assert.Throws<TlsConfigurationException>(() => PemCertificateLoader.Load(CertFile, KeyFile));

        Assert.Equal($"'{CertFile}' does not exist.", error.Message);
    }

    [Fact]
    public void A_missing_key_file_is_named()
    {
        File.WriteAllText(CertFile, TestPki.CreateServer().CertPem);

        var error = Assert.Throws<TlsConfigurationException>(() => PemCertificateLoader.Load(CertFile, KeyFile));

        Assert.Equal($"'{KeyFile}' does not exist.", error.Message);
    }

    [Fact]
    public void A_certificate_file_without_a_certificate_is_named()
    {
        var pair = TestPki.CreateServer();
        Write(certPem: pair.KeyPem, keyPem: pair.KeyPem);

        var error = Assert.Throws<TlsConfigurationException>(() => PemCertificateLoader.Load(CertFile, KeyFile));

        Assert.Equal($"'{CertFile}' holds no PEM CERTIFICATE block.", error.Message);
    }

    [Fact]
    public void A_key_file_without_a_key_is_named()
    {
        var pair = TestPki.CreateServer();
        Write(pair.CertPem, keyPem: pair.CertPem);

        var error = Assert.Throws<TlsConfigurationException>(() => PemCertificateLoader.Load(CertFile, KeyFile));

        Assert.StartsWith($"'{KeyFile}' holds no PEM private key", error.Message);
    }

    [Fact]
    public void A_truncated_certificate_file_is_unreadable_pem()
    {
        var pair = TestPki.CreateServer();
        Write(pair.CertPem[..(pair.CertPem.Length / 2)], pair.KeyPem);

        var error = Assert.Throws<TlsConfigurationException>(() => PemCertificateLoader.Load(CertFile, KeyFile));

        Assert.StartsWith($"'{CertFile}' is not readable PEM", error.Message);
    }

    [Fact]
    public void A_damaged_leaf_is_not_replaced_by_the_intermediate_after_it()
    {
        using var root = TestPki.CreateCa("Test Root");
        using var intermediate = TestPki.CreateCa("Test Intermediate", root);
        var pair = TestPki.CreateServer(issuer: intermediate);
        var damaged = pair.CertPem.Remove(pair.CertPem.IndexOf("-----END CERTIFICATE-----", StringComparison.Ordinal), 5);
        Write(damaged, pair.KeyPem);

        var error = Assert.Throws<TlsConfigurationException>(() => PemCertificateLoader.Load(CertFile, KeyFile));

        Assert.StartsWith($"'{CertFile}' is not readable PEM", error.Message);
    }

    [Fact]
    public void An_encrypted_key_is_rejected_with_the_reason()
    {
        using var key = RSA.Create(2048);
        var pair = TestPki.CreateServer(KeyFormat.RsaPkcs8);
        var encrypted = key.ExportEncryptedPkcs8PrivateKeyPem(
            "secret", new PbeParameters(PbeEncryptionAlgorithm.Aes128Cbc, HashAlgorithmName.SHA256, 1000));
        Write(pair.CertPem, encrypted);

        var error = Assert.Throws<TlsConfigurationException>(() => PemCertificateLoader.Load(CertFile, KeyFile));

        Assert.Equal($"'{KeyFile}' holds an encrypted private key; an unencrypted one is needed.", error.Message);
    }

    [Fact]
    public void A_certificate_not_for_server_authentication_is_rejected()
    {
        var pair = TestPki.CreateServer(clientAuthOnly: true);
        Write(pair.CertPem, pair.KeyPem);

        var error = Assert.Throws<TlsConfigurationException>(() => PemCertificateLoader.Load(CertFile, KeyFile));

        Assert.Equal($"'{CertFile}': the certificate's extended key usage does not include serverAuth.", error.Message);
    }

    private static void AssertSignsWithCertificateKey(X509Certificate2 leaf)
    {
        var data = "proof of possession"u8.ToArray();
        if (leaf.GetRSAPrivateKey() is { } rsa)
        {
            var signature = rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            Assert.True(leaf.GetRSAPublicKey()!.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        }
        else
        {
            var signature = leaf.GetECDsaPrivateKey()!.SignData(data, HashAlgorithmName.SHA256);
            Assert.True(leaf.GetECDsaPublicKey()!.VerifyData(data, signature, HashAlgorithmName.SHA256));
        }
    }

    private void Write(string certPem, string keyPem)
    {
        File.WriteAllText(CertFile, certPem);
        File.WriteAllText(KeyFile, keyPem);
    }
}
