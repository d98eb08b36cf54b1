using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace PodDefaults.Tests.Webhook.Tls;

/// <summary>What a client saw of one HTTPS exchange.</summary>
public sealed record TlsExchange(string Thumbprint, IReadOnlyList<string> ChainThumbprints, SslPolicyErrors Errors, string Body, Version Version);

/// <summary>
/// An HTTPS client that accepts any server certificate and records it. Each instance opens its own
/// connections; reusing one instance reuses its connection.
/// </summary>
public sealed class TlsClient : IDisposable
{
    private readonly HttpClient client;
    private (string Thumbprint, IReadOnlyList<string> Chain, SslPolicyErrors Errors) seen;

    public TlsClient(X509Certificate2? trustRoot = null)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
        {
            seen = (
                certificate!.GetCertHashString(),
                chain!.ChainElements.Select(e => e.Certificate.Thumbprint).ToList(),
                trustRoot is null ? errors : ValidateWith(trustRoot, certificate, chain, errors));
            return true;
        };
        handler.ConnectCallback = async (context, cancellationToken) =>
        {
            Connections++;
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        };
        client = new HttpClient(handler);
    }

    /// <summary>TCP connections opened so far.</summary>
    public int Connections { get; private set; }

    public async Task<TlsExchange> GetAsync(Uri address, Version version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, address)
        {
            Version = version,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return new TlsExchange(seen.Thumbprint, seen.Chain, seen.Errors, await response.Content.ReadAsStringAsync(), response.Version);
    }

    public void Dispose() => client.Dispose();

    // What a client that trusts only trustRoot would conclude: the chain must end at it, and the
    // name checks the platform made still count.
    private static SslPolicyErrors ValidateWith(
        X509Certificate2 trustRoot, X509Certificate certificate, X509Chain presented, SslPolicyErrors errors)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(trustRoot);
        chain.ChainPolicy.ExtraStore.AddRange(presented.ChainPolicy.ExtraStore);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        var nameErrors = errors & ~SslPolicyErrors.RemoteCertificateChainErrors;
        return chain.Build(new X509Certificate2(certificate))
            ? nameErrors
            : nameErrors | SslPolicyErrors.RemoteCertificateChainErrors;
    }
}
