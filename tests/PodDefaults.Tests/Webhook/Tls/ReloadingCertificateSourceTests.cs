using PodDefaults.Webhook.Tls;

namespace PodDefaults.Tests.Webhook.Tls;

public sealed class ReloadingCertificateSourceTests : IAsyncLifetime
{
    private readonly TempDirectory dir = new();
    private readonly RecordingLogger<ReloadingCertificateSource> log = new();
    private readonly List<ReloadingCertificateSource> started = [];

    private string CertFile => dir.File("tls.crt");

    private string KeyFile => dir.File("tls.key");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var source in started)
        {
            await source.StopAsync(CancellationToken.None);
            source.Dispose();
        }

        dir.Dispose();
    }

    [Fact]
    public async Task Rewritten_files_are_served_after_the_change()
    {
        var first = TestPki.CreateServer(KeyFormat.EcSec1);
        var second = TestPki.CreateServer(KeyFormat.RsaPkcs1);
        Write(first);
        var source = await StartAsync(CertFile, KeyFile);
        Assert.Equal(first.Thumbprint, source.Current.Leaf.Thumbprint);

        Write(second);

        await Eventually.TrueAsync(() => source.Current.Leaf.Thumbprint == second.Thumbprint, "the rewritten pair is served");
    }

    [Fact]
    public async Task A_kubernetes_secret_volume_update_is_served()
    {
        var volume = new SecretVolume(dir.File("secret"));
        var first = TestPki.CreateServer();
        var second = TestPki.CreateServer(KeyFormat.RsaPkcs8);
        volume.Publish(first);
        var source = await StartAsync(volume.CertFile, volume.KeyFile);
        Assert.Equal(first.Thumbprint, source.Current.Leaf.Thumbprint);

        volume.Publish(second);

        await Eventually.TrueAsync(() => source.Current.Leaf.Thumbprint == second.Thumbprint, "the swapped ..data is served");
    }

    [Fact]
    public async Task The_directory_watcher_alone_sees_a_kubernetes_secret_volume_update()
    {
        var volume = new SecretVolume(dir.File("secret"));
        var second = TestPki.CreateServer();
        volume.Publish(TestPki.CreateServer());
        var source = await StartAsync(volume.CertFile, volume.KeyFile, pollInterval: Timeout.InfiniteTimeSpan);

        volume.Publish(second);

        await Eventually.TrueAsync(() => source.Current.Leaf.Thumbprint == second.Thumbprint, "the watcher saw the ..data swap");
    }

    [Fact]
    public async Task The_poll_sees_a_change_behind_a_symlink_into_an_unwatched_directory()
    {
        var real = Directory.CreateDirectory(dir.File("real")).FullName;
        var mount = Directory.CreateDirectory(dir.File("mount")).FullName;
        var (certFile, keyFile) = (Path.Combine(mount, "tls.crt"), Path.Combine(mount, "tls.key"));
        File.CreateSymbolicLink(certFile, Path.Combine(real, "tls.crt"));
        File.CreateSymbolicLink(keyFile, Path.Combine(real, "tls.key"));
        var second = TestPki.CreateServer();
        Write(TestPki.CreateServer(), Path.Combine(real, "tls.crt"), Path.Combine(real, "tls.key"));
        var source = await StartAsync(certFile, keyFile, pollInterval: TimeSpan.FromMilliseconds(200));

        Write(second, Path.Combine(real, "tls.crt"), Path.Combine(real, "tls.key"));

        await Eventually.TrueAsync(() => source.Current.Leaf.Thumbprint == second.Thumbprint, "the poll saw the new target");
    }

    [Theory]
    [InlineData(true)] // a damaged certificate: kept until a good pair is written
    [InlineData(false)] // a new certificate with the old key: kept until the key follows
    public async Task A_pair_that_cannot_be_served_keeps_the_current_one_until_a_good_pair_is_complete(bool damaged)
    {
        var first = TestPki.CreateServer();
        var second = TestPki.CreateServer();
        Write(first);
        var source = await StartAsync(CertFile, KeyFile);

        File.WriteAllText(CertFile, damaged ? first.CertPem[..(first.CertPem.Length / 2)] : second.CertPem);

        var warning = damaged ? $"'{CertFile}' is not readable PEM" : "does not match";
        await Eventually.TrueAsync(() => log.Warnings.Any(w => w.Contains(warning)), "a warning");
        Assert.Equal(first.Thumbprint, source.Current.Leaf.Thumbprint);

        if (damaged)
            Write(second);
        else
            File.WriteAllText(KeyFile, second.KeyPem);

        await Eventually.TrueAsync(() => source.Current.Leaf.Thumbprint == second.Thumbprint, "the good pair is served");
    }

    [Fact]
    public void Files_that_cannot_be_served_at_startup_fail_the_construction()
    {
        File.WriteAllText(CertFile, TestPki.CreateServer().CertPem);

        var error = Assert.Throws<TlsConfigurationException>(() => new ReloadingCertificateSource(CertFile, KeyFile, log));

        Assert.Equal($"'{KeyFile}' does not exist.", error.Message);
    }

    private async Task<ReloadingCertificateSource> StartAsync(string certFile, string keyFile, TimeSpan? pollInterval = null)
    {
        var source = new ReloadingCertificateSource(certFile, keyFile, log, pollInterval);
        started.Add(source);
        await source.StartAsync(CancellationToken.None);
        return source;
    }

    private void Write(PemPair pair) => Write(pair, CertFile, KeyFile);

    private static void Write(PemPair pair, string certFile, string keyFile)
    {
        File.WriteAllText(certFile, pair.CertPem);
        File.WriteAllText(keyFile, pair.KeyPem);
    }
}
