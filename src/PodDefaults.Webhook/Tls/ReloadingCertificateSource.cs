using System.Security.Cryptography;
using System.Text;
using PodDefaults.Webhook.FileSystem;

namespace PodDefaults.Webhook.Tls;

/// <summary>
/// The certificate from <c>--tls-cert</c>/<c>--tls-key</c>, reloaded when the files change. A new
/// pair that cannot be loaded (half written, mismatched, damaged) is logged and skipped: the last
/// good certificate keeps serving, and the files are tried again when they change again.
/// </summary>
public sealed partial class ReloadingCertificateSource : BackgroundService
{
    /// <summary>How often the files are read even when no change was seen (see <see cref="FileChangeWatcher"/>).</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(5);

    private readonly string certFile;
    private readonly string keyFile;
    private readonly ILogger logger;
    private readonly FileChangeWatcher watcher;
    private volatile ServerCertificate current;

    // Identifies the contents last tried, good or bad, so that each version is loaded (or warned
    // about) once. A hash rather than the contents: no second copy of the private key in memory.
    private string lastAttempt;

    /// <summary>
    /// Loads the pair and starts watching the files; reloading runs once the service is started.
    /// A <see cref="TlsConfigurationException"/> here means there is nothing to serve.
    /// </summary>
    public ReloadingCertificateSource(
        string certFile, string keyFile, ILogger<ReloadingCertificateSource> logger, TimeSpan? pollInterval = null)
    {
        this.certFile = certFile;
        this.keyFile = keyFile;
        this.logger = logger;

        var (certPem, keyPem) = (PemFile.ReadText(certFile), PemFile.ReadText(keyFile));
        current = PemCertificateLoader.Parse(certFile, certPem, keyFile, keyPem);
        lastAttempt = Fingerprint(certPem, keyPem);
        LogServing();

        // Watching from now on, changes made before the service starts are not missed; one made
        // between the read above and this line waits for the first poll.
        watcher = new FileChangeWatcher(
            [Path.GetDirectoryName(Path.GetFullPath(certFile))!, Path.GetDirectoryName(Path.GetFullPath(keyFile))!],
            recursive: false, pollInterval ?? DefaultPollInterval, logger);
    }

    /// <summary>The certificate for the next handshake.</summary>
    public ServerCertificate Current => current;

    public override void Dispose()
    {
        watcher.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            await watcher.WaitAsync(stoppingToken);
            ReloadIfChanged();
        }
    }

    private void ReloadIfChanged()
    {
        string certPem, keyPem;
        try
        {
            (certPem, keyPem) = (PemFile.ReadText(certFile), PemFile.ReadText(keyFile));
        }
        catch (TlsConfigurationException e)
        {
            // A missing file has no contents to fingerprint: its message stands in for them.
            KeepCurrent(attempt: e.Message, e);
            return;
        }

        var attempt = Fingerprint(certPem, keyPem);
        if (attempt == lastAttempt)
        {
            return;
        }

        try
        {
            // The previous certificate is not disposed: handshakes in progress may still use it.
            current = PemCertificateLoader.Parse(certFile, certPem, keyFile, keyPem);
        }
        catch (TlsConfigurationException e)
        {
            KeepCurrent(attempt, e);
            return;
        }

        lastAttempt = attempt;
        LogServing();
    }

    private void KeepCurrent(string attempt, TlsConfigurationException error)
    {
        if (attempt != lastAttempt)
        {
            lastAttempt = attempt;
            LogKeptCurrent(logger, error.Message, current.Leaf.Thumbprint);
        }
    }

    private void LogServing()
    {
        var leaf = current.Leaf;
        LogServing(logger, certFile, leaf.Subject, leaf.Thumbprint, leaf.NotAfter.ToUniversalTime());
    }

    private static string Fingerprint(string certPem, string keyPem) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(certPem + "\0" + keyPem)));

    [LoggerMessage(EventId = LogEvents.TlsServingCertificate, Level = LogLevel.Information,
        Message = "Serving TLS certificate from {CertFile}: {Subject}, thumbprint {Thumbprint}, valid until {NotAfter:u}.")]
    private static partial void LogServing(ILogger logger, string certFile, string subject, string thumbprint, DateTime notAfter);

    [LoggerMessage(EventId = LogEvents.TlsKeptCurrentCertificate, Level = LogLevel.Warning,
        Message = "Keeping the current TLS certificate (thumbprint {Thumbprint}): {Reason} Retrying when the files change.")]
    private static partial void LogKeptCurrent(ILogger logger, string reason, string thumbprint);
}
