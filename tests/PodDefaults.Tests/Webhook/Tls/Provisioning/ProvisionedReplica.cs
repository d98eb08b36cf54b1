using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PodDefaults.ApiServerStandIn;
using PodDefaults.Webhook.Cli;
using PodDefaults.Webhook.Server;
using PodDefaults.Webhook.Sources.Cluster;
using PodDefaults.Webhook.Tls;
using PodDefaults.Webhook.Tls.Provisioning;

namespace PodDefaults.Tests.Webhook.Tls.Provisioning;

/// <summary>
/// One replica of <c>poddefaults serve --certificate-secret ... --webhook-configuration ...</c>, the real host in
/// process, talking to the stand-in API server (through the <c>apiHandler</c> of <see cref="StartAsync"/> when a test wants to step in).
/// PodDefaults come from an empty folder: these tests are about the certificate.
/// </summary>
internal sealed class ProvisionedReplica : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly HttpClient apiClient;
    private readonly string folder;

    private ProvisionedReplica(WebApplication app, HttpClient apiClient, string folder, int port)
    {
        (this.app, this.apiClient, this.folder, Port) = (app, apiClient, folder, port);
    }

    public int Port { get; }

    public Uri Address => new($"https://127.0.0.1:{Port}/");

    public ProvisionedCertificateSource Certificates => app.Services.GetRequiredService<ProvisionedCertificateSource>();

    public static async Task<ProvisionedReplica> StartAsync(StandInApiServer api, CertificateProvisioningOptions options, HttpMessageHandler? apiHandler = null)
    {
        var folder = Directory.CreateTempSubdirectory("poddefaults-provisioned-").FullName;
        var serve = new ServeOptions
        {
            DefaultsPath = folder,
            ListenAddress = IPAddress.Loopback,
            Port = 0,
            Tls = new TlsOptions { Provisioning = options },
        };
        var apiClient = new HttpClient(apiHandler ?? new SocketsHttpHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        var connection = new KubernetesConnection(apiClient, api.BaseUri);
        var app = WebhookHost.Build(serve, ServeCommand.SourceFactory(serve), builder => builder.Services.AddSingleton(connection));
        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ProvisionedReplica(app, apiClient, folder, new Uri(bound).Port);
    }

    /// <summary><c>/readyz</c> as the kubelet asks: HTTPS without verifying the certificate.</summary>
    public async Task<(HttpStatusCode Status, string Body)> ReadyzAsync()
    {
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        using var client = new HttpClient(handler);
        using var response = await client.GetAsync(new Uri(Address, WebhookPaths.Readyz));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The certificate a new TLS connection is served.</summary>
    public async Task<X509Certificate2> ServedCertificateAsync()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, Port);
        await using var tls = new SslStream(tcp.GetStream(), false, (_, _, _, _) => true);
        await tls.AuthenticateAsClientAsync("poddefaults-webhook.poddefaults-system.svc");
        return new X509Certificate2(tls.RemoteCertificate!);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        apiClient.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
