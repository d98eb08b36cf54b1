using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using PodDefaults.ApiServerStandIn;
using PodDefaults.Tests.Core;
using PodDefaults.Webhook.Server;
using PodDefaults.Webhook.Tls.Provisioning;

namespace PodDefaults.Tests.Webhook.Tls.Provisioning;

/// <summary>
/// Calls the webhook as the API server does: verifies the served certificate against the caBundle of the webhook
/// configuration, read from the stand-in at each handshake, and the service's DNS name. Every request opens a new
/// connection, so that every request checks the certificate served at that moment.
/// </summary>
internal sealed class ApiServerLikeClient : IDisposable
{
    public const string ServiceName = "poddefaults-webhook.poddefaults-system.svc";

    private readonly HttpClient client;

    public ApiServerLikeClient(StandInApiServer api, string configurationPath)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            var leaf = new X509Certificate2(certificate!);
            var configuration = api.Objects.Get(configurationPath)!;
            var trusted = leaf.MatchesHostname(ServiceName)
                && WebhookConfiguration.CaBundles(configuration) is { Count: > 0 } bundles
                && bundles.All(bundle => CaBundle.Trusts(bundle, leaf, DateTimeOffset.UtcNow));
            if (trusted)
                Served[leaf.Thumbprint] = 0;
            return trusted;
        };
        client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10), DefaultRequestVersion = HttpVersion.Version11 };
    }

    /// <summary>Thumbprints of the certificates that passed verification.</summary>
    public ConcurrentDictionary<string, byte> Served { get; } = new();

    /// <summary>Admits a pod; throws when the call fails (TLS refused, not 200, no response).</summary>
    public async Task AdmitAsync(Uri replica)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(replica, WebhookPaths.ApplyPodDefault))
        {
            Content = new StringContent(Review, Encoding.UTF8, "application/json"),
        };
        request.Headers.ConnectionClose = true;
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if ((bool?)body["response"]?["allowed"] != true)
            throw new InvalidOperationException("the pod was not allowed: " + body.ToJsonString());
    }

    public void Dispose() => client.Dispose();

    private static readonly string Review = EngineHarness.Review("""
        {"metadata":{"name":"p"},"spec":{"containers":[{"name":"c"}]}}
        """, uid: "u", requestNamespace: "web");
}
