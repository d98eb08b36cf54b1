using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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

    private readonly string _certFile;
    private readonly string _keyFile;
    private readonly ILogger _logger;
    private readonly FileChangeWatcher _watcher;
    private volatile ServerCertificate _current;

    // Identifies the contents last tried, good or bad, so that each version is loaded (or warned
    // about) once. A hash rather than the contents: no second copy of the private key in memory.
    private string _lastAttempt;

    /// <summary>
    /// Loads the pair and starts watching the files; reloading runs once the service is started.
    /// A <see cref="TlsConfigurationException"/> here means there is nothing to serve.
    /// </summary>
    public ReloadingCertificateSource(
        string certFile, string keyFile, ILogger<ReloadingCertificateSource> logger, TimeSpan? pollInterval = null)
    {
        _certFile = certFile;
        _keyFile = keyFile;
        _logger = logger;

        var (certPem, keyPem) = (PemFile.ReadText(certFile), PemFile.ReadText(keyFile));
        _current = PemCertificateLoader.Parse(certFile, certPem, keyFile, keyPem);
        _lastAttempt = Fingerprint(certPem, keyPem);
        LogServing();

        // Watching from now on, changes made before the service starts are not missed; one made
        // between the read above and this line waits for the first poll.
        _watcher = new FileChangeWatcher(
            [Path.GetDirectoryName(Path.GetFullPath(certFile))!, Path.GetDirectoryName(Path.GetFullPath(keyFile))!],
            recursive: false, pollInterval ?? DefaultPollInterval, logger);
    }

    /// <summary>The certificate for the next handshake.</summary>
    public ServerCertificate Current => _current;

    public override void Dispose()
    {
        _watcher.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            await _watcher.WaitAsync(stoppingToken);
            ReloadIfChanged();
        }
    }

    private void ReloadIfChanged()
    {
        string certPem, keyPem;
        try
        {
            (certPem, keyPem) = (PemFile.ReadText(_certFile), PemFile.ReadText(_keyFile));
        }
        catch (TlsConfigurationException e)
        {
            // A missing file has no contents to fingerprint: its message stands in for them.
            KeepCurrent(attempt: e.Message, e);
            return;
        }

        var attempt = Fingerprint(certPem, keyPem);
        if (attempt == _lastAttempt)
        {
            return;
        }

        try
        {
            // The previous certificate is not disposed: handshakes in progress may still use it.
            _current = PemCertificateLoader.Parse(_certFile, certPem, _keyFile, keyPem);
        }
        catch (TlsConfigurationException e)
        {
            KeepCurrent(attempt, e);
            return;
        }

        _lastAttempt = attempt;
        LogServing();
    }

    private void KeepCurrent(string attempt, TlsConfigurationException error)
    {
        if (attempt != _lastAttempt)
        {
            _lastAttempt = attempt;
            LogKeptCurrent(_logger, error.Message, _current.Leaf.Thumbprint);
        }
    }

    private void LogServing()
    {
        var leaf = _current.Leaf;
        LogServing(_logger, _certFile, leaf.Subject, leaf.Thumbprint, leaf.NotAfter.ToUniversalTime());
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
