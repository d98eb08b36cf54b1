using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PodDefaults.Webhook.Cli;
using PodDefaults.Webhook.Server;
using PodDefaults.Webhook.Tls;

namespace PodDefaults.Tests.TestSupport;

/// <summary>
/// The real <c>poddefaults serve</c> host, in process, on a free loopback port with a self-signed certificate,
/// reading PodDefaults from a temporary folder; and an HTTPS client that trusts exactly that certificate.
/// </summary>
public sealed class WebhookTestServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly StrongBox<int> connections;

    private WebhookTestServer(WebApplication app, Uri address, HttpClient client, StrongBox<int> connections, string folder)
    {
        this.app = app;
        this.connections = connections;
        Address = address;
        Client = client;
        DefaultsFolder = folder;
    }

    public Uri Address { get; }

    /// <summary>HTTP/1.1 with keep-alive, as the API server calls webhooks; validates the server's certificate.</summary>
    public HttpClient Client { get; }

    /// <summary>TCP connections <see cref="Client"/> has opened: a request that costs a new one was not kept alive.</summary>
    public int ClientConnections => Volatile.Read(ref connections.Value);

    public string DefaultsFolder { get; }

    public IServiceProvider Services => app.Services;

    /// <param name="writeDefaults">Fills the --defaults folder before the server starts.</param>
    /// <param name="configure">Adds to the host builder, as later concerns do (e.g. middleware through a startup filter).</param>
    public static async Task<WebhookTestServer> StartAsync(Action<string> writeDefaults, Func<ServeOptions, ServeOptions>? adjust = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var folder = Directory.CreateTempSubdirectory("poddefaults-test-").FullName;
        var defaults = Path.Combine(folder, "defaults");
        Directory.CreateDirectory(defaults);
        writeDefaults(defaults);
        var certificate = Path.Combine(folder, "ca.pem");
        var options = new ServeOptions
        {
            DefaultsPath = defaults,
            ListenAddress = IPAddress.Loopback,
            Port = 0,
            Tls = new TlsOptions { SelfSignedCertOut = certificate },
        };
        options = adjust?.Invoke(options) ?? options;
        var app = WebhookHost.Build(options, ServeCommand.SourceFactory(options), configure);
        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var address = new Uri($"https://localhost:{new Uri(bound).Port}");
        var connections = new StrongBox<int>();
        var client = TrustingClient(X509Certificate2.CreateFromPem(File.ReadAllText(certificate)), connections);
        var server = new WebhookTestServer(app, address, client, connections, defaults);
        await server.WaitUntilReadyAsync();
        return server;
    }

    public async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            using var response = await Client.GetAsync(new Uri(Address, WebhookPaths.Readyz));
            if (response.StatusCode == HttpStatusCode.OK)
                return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("the webhook did not become ready");
            await Task.Delay(50);
        }
    }

    public Task<HttpResponseMessage> PostReviewAsync(string json, string path = WebhookPaths.ApplyPodDefault) =>
        Client.PostAsync(new Uri(Address, path), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    /// <summary>What SIGTERM does to <c>poddefaults serve</c>: stop accepting, drain requests in flight, stop.</summary>
    public Task StopAsync() => app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(DefaultsFolder)!, recursive: true);
    }

    public static HttpClient TrustingClient(X509Certificate2 trustRoot, StrongBox<int> connections)
    {
        var handler = new SocketsHttpHandler();
        handler.ConnectCallback = async (context, cancellation) =>
        {
            Interlocked.Increment(ref connections.Value);
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(context.DnsEndPoint, cancellation);
            return new NetworkStream(socket, ownsSocket: true);
        };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            if ((errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
                return false;
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(trustRoot);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(new X509Certificate2(certificate!));
        };
        return new HttpClient(handler) { DefaultRequestVersion = HttpVersion.Version11 };
    }
}
