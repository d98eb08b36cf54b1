using Microsoft.Extensions.DependencyInjection;
using PodDefaults.Webhook.Tls;

namespace PodDefaults.Tests.Webhook.Tls;

public sealed class KestrelTlsTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Theory]
    [InlineData("1.1", "HTTP/1.1")]
    [InlineData("2.0", "HTTP/2")]
    public async Task A_new_connection_after_a_secret_volume_update_gets_the_new_certificate(string httpVersion, string protocol)
    {
        var version = Version.Parse(httpVersion);
        using var root = TestPki.CreateCa("Test Root");
        using var intermediate = TestPki.CreateCa("Test Intermediate", root);
        var first = TestPki.CreateServer(KeyFormat.RsaPkcs1, issuer: intermediate);
        var second = TestPki.CreateServer(KeyFormat.EcPkcs8, issuer: intermediate);
        var volume = new SecretVolume(dir.File("secret"));
        volume.Publish(first);
        await using var server = await TestServer.StartAsync(new TlsOptions { CertFile = volume.CertFile, KeyFile = volume.KeyFile });

        using var before = new TlsClient();
        var seenBefore = await before.GetAsync(server.Address, version);

        Assert.Equal(first.Thumbprint, seenBefore.Thumbprint);
        Assert.Equal(protocol, seenBefore.Body);
        Assert.Contains(intermediate.Thumbprint, seenBefore.ChainThumbprints);

        volume.Publish(second);
        var source = server.Services.GetRequiredService<ReloadingCertificateSource>();
        await Eventually.TrueAsync(() => source.Current.Leaf.Thumbprint == second.Thumbprint, "the server took the new certificate");

        using var after = new TlsClient();
        var seenAfter = await after.GetAsync(server.Address, version);

        Assert.Equal(second.Thumbprint, seenAfter.Thumbprint);
        Assert.Equal(protocol, seenAfter.Body);
        Assert.Contains(intermediate.Thumbprint, seenAfter.ChainThumbprints);

        // The connection opened before the update carries on.
        var again = await before.GetAsync(server.Address, version);
        Assert.Equal(protocol, again.Body);
        Assert.Equal(1, before.Connections);
    }

    [Fact]
    public async Task Starting_with_a_missing_key_file_fails_naming_it()
    {
        var pair = TestPki.CreateServer();
        File.WriteAllText(dir.File("tls.crt"), pair.CertPem);

        var error = await Assert.ThrowsAsync<TlsConfigurationException>(() => TestServer.StartAsync(
            new TlsOptions { CertFile = dir.File("tls.crt"), KeyFile = dir.File("tls.key") }));

        Assert.Equal($"'{dir.File("tls.key")}' does not exist.", error.Message);
    }
}
