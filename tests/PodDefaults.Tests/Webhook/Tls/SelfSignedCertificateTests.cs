using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PodDefaults.Webhook.Tls;

namespace PodDefaults.Tests.Webhook.Tls;

public sealed class SelfSignedCertificateTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2030, 6, 15, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Names_localhost_and_both_loopback_addresses_for_server_authentication()
    {
        using var certificate = SelfSignedCertificate.Create();

        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal(["localhost"], names.EnumerateDnsNames());
        Assert.Equal([IPAddress.Loopback, IPAddress.IPv6Loopback], names.EnumerateIPAddresses());
        Assert.Equal("CN=localhost", certificate.Subject);
        var usages = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages;
        Assert.Equal(["1.3.6.1.5.5.7.3.1"], usages.Cast<Oid>().Select(u => u.Value));
        Assert.Equal(256, certificate.GetECDsaPublicKey()!.KeySize);
        Assert.True(certificate.HasPrivateKey);
    }

    [Fact]
    public void Is_valid_from_a_few_minutes_ago_for_a_year()
    {
        using var certificate = SelfSignedCertificate.Create(new FixedTime(Now));

        Assert.Equal(Now.AddMinutes(-5), new DateTimeOffset(certificate.NotBefore.ToUniversalTime()));
        Assert.Equal(Now.AddYears(1), new DateTimeOffset(certificate.NotAfter.ToUniversalTime()));
    }

    [Fact]
    public void The_written_pem_is_the_public_certificate_and_replaces_an_older_file()
    {
        var path = dir.File("ca.crt");
        File.WriteAllText(path, "older contents");
        using var certificate = SelfSignedCertificate.Create();

        SelfSignedCertificate.WritePem(certificate, path);

        var written = File.ReadAllText(path);
        Assert.DoesNotContain("PRIVATE KEY", written);
        using var read = X509Certificate2.CreateFromPem(written);
        Assert.Equal(certificate.Thumbprint, read.Thumbprint);
        Assert.Equal([path], Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void An_unwritable_destination_is_named()
    {
        var path = dir.File("missing/ca.crt");
        using var certificate = SelfSignedCertificate.Create();

        var error = Assert.Throws<TlsConfigurationException>(() => SelfSignedCertificate.WritePem(certificate, path));

        Assert.StartsWith($"--self-signed-cert-out: cannot write '{path}'", error.Message);
    }

    [Fact]
    public async Task A_client_trusting_the_written_pem_validates_the_server()
    {
        var certOut = dir.File("ca.crt");
        await using var server = await TestServer.StartAsync(new TlsOptions { SelfSignedCertOut = certOut });
        using var trusted = X509CertificateLoader.LoadCertificateFromFile(certOut);
        using var client = new TlsClient(trustRoot: trusted);

        var exchange = await client.GetAsync(server.Address, HttpVersion.Version20);

        Assert.Equal(trusted.Thumbprint, exchange.Thumbprint);
        Assert.Equal(SslPolicyErrors.None, exchange.Errors);
    }

    [Fact]
    public async Task A_client_trusting_another_self_signed_certificate_rejects_the_server()
    {
        await using var server = await TestServer.StartAsync(new TlsOptions { SelfSignedCertOut = dir.File("ca.crt") });
        using var other = SelfSignedCertificate.Create();
        using var client = new TlsClient(trustRoot: X509CertificateLoader.LoadCertificate(other.RawData));

        var exchange = await client.GetAsync(server.Address, HttpVersion.Version11);

        Assert.Equal(SslPolicyErrors.RemoteCertificateChainErrors, exchange.Errors);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
