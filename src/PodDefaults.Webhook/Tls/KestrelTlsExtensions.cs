using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using PodDefaults.Webhook.Sources.Cluster;
using PodDefaults.Webhook.Tls.Provisioning;

namespace PodDefaults.Webhook.Tls;

/// <summary>Makes Kestrel serve HTTPS (HTTP/1.1 and HTTP/2) with the certificate the <see cref="TlsOptions"/> describe.</summary>
public static partial class KestrelTlsExtensions
{
    public const int DefaultPort = 4443;

    /// <summary>
    /// TLS 1.2 and 1.3 only, set here rather than left to the system's OpenSSL policy: a permissive
    /// <c>OPENSSL_CONF</c> would otherwise let a client negotiate TLS 1.0.
    /// </summary>
    internal const SslProtocols Protocols = SslProtocols.Tls12 | SslProtocols.Tls13;

    /// <summary>
    /// Listens on <paramref name="address"/> (default 0.0.0.0) and <paramref name="port"/> (0 picks
    /// a free one). Certificate files are loaded, and a self-signed certificate made and written,
    /// when the server starts, before it accepts connections; a <see cref="TlsConfigurationException"/>
    /// from there fails the start. The self-provisioned mode needs a <see cref="KubernetesConnection"/>
    /// among the services.
    /// </summary>
    public static WebApplicationBuilder ListenHttps(
        this WebApplicationBuilder builder, TlsOptions tls, IPAddress? address = null, int port = DefaultPort)
    {
        tls.Validate();
        if (tls is { CertFile: { } certFile, KeyFile: { } keyFile })
        {
            builder.Services.AddSingleton(services => new ReloadingCertificateSource(
                certFile, keyFile, services.GetRequiredService<ILogger<ReloadingCertificateSource>>()));
            builder.Services.AddHostedService(services => services.GetRequiredService<ReloadingCertificateSource>());
        }

        builder.Services.AddSingleton(new ServingCertificateStatus(trusted: tls.Provisioning is null));
        if (tls.Provisioning is { } provisioning)
        {
            builder.Services.AddSingleton(services => new ProvisionedCertificateSource(
                services.GetRequiredService<KubernetesConnection>(), provisioning, services.GetRequiredService<ServingCertificateStatus>(),
                services.GetRequiredService<ILogger<ProvisionedCertificateSource>>(), services.GetService<TimeProvider>() ?? TimeProvider.System));
            builder.Services.AddHostedService(services => services.GetRequiredService<ProvisionedCertificateSource>());
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var current = CertificateSource(kestrel.ApplicationServices, tls);
            kestrel.Listen(address ?? IPAddress.Any, port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;

                // A per-connection callback rather than ServerCertificateSelector: for a bare selected
                // certificate SslStream looks for intermediates in the system stores only, so those
                // from the file would not be sent. Kestrel adds ALPN (h2, http/1.1) from
                // listen.Protocols because these options leave it unset.
                listen.UseHttps(new TlsHandshakeCallbackOptions
                {
                    OnConnection = _ => ValueTask.FromResult(HandshakeOptions(current())),
                });
            });
        });

        return builder;
    }

    /// <summary>What each connection's handshake offers: the current certificate, over <see cref="Protocols"/> only.</summary>
    internal static SslServerAuthenticationOptions HandshakeOptions(ServerCertificate certificate) => new()
    {
        ServerCertificateContext = certificate.Context,
        EnabledSslProtocols = Protocols,
    };

    private static Func<ServerCertificate> CertificateSource(IServiceProvider services, TlsOptions tls)
    {
        if (tls.Provisioning is not null)
        {
            var provisioned = services.GetRequiredService<ProvisionedCertificateSource>();
            return () => provisioned.Current;
        }

        if (tls.CertFile is not null)
        {
            var files = services.GetRequiredService<ReloadingCertificateSource>();
            return () => files.Current;
        }

        var certificate = SelfSignedCertificate.Create();
        if (tls.SelfSignedCertOut is { } path)
        {
            SelfSignedCertificate.WritePem(certificate, path);
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(KestrelTlsExtensions).FullName!);
        LogSelfSigned(logger, certificate.Thumbprint, tls.SelfSignedCertOut ?? "(not written: no --self-signed-cert-out)");
        var selfSigned = new ServerCertificate(certificate, []);
        return () => selfSigned;
    }

    [LoggerMessage(EventId = LogEvents.TlsSelfSigned, Level = LogLevel.Information,
        Message = "Serving a self-signed TLS certificate for localhost, 127.0.0.1 and ::1 (thumbprint {Thumbprint}); its PEM: {Path}.")]
    private static partial void LogSelfSigned(ILogger logger, string thumbprint, string path);
}
