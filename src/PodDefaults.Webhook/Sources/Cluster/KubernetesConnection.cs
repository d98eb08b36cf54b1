using k8s;

namespace PodDefaults.Webhook.Sources.Cluster;

/// <summary>
/// How to reach the API server: its base address, the <see cref="HttpClient"/> that carries TLS (the CA to trust,
/// the client certificate), and how to authorize each request.
/// </summary>
/// <remarks>
/// KubernetesClient's <c>HttpClient</c> does not add the bearer token itself: the generated operations call
/// <c>Credentials.ProcessHttpRequestAsync</c> before each send. This class does the same, so a token that expires
/// (an exec plugin's, a rotated service account token file's) is fetched again by KubernetesClient's provider.
/// </remarks>
public sealed class KubernetesConnection : IDisposable
{
    private readonly HttpClient http;
    private readonly Func<HttpRequestMessage, CancellationToken, Task>? authorize;
    private readonly IDisposable? owner;

    /// <param name="http">Sends the requests; its handler decides TLS. Not disposed by this connection.</param>
    /// <param name="baseUri">The API server, e.g. <c>https://10.0.0.1:6443/</c>; may carry a path prefix.</param>
    /// <param name="authorize">Sets the credentials of one request; null when the transport alone authenticates.</param>
    /// <param name="owner">Disposed with this connection (the KubernetesClient that owns <paramref name="http"/>).</param>
    public KubernetesConnection(
        HttpClient http,
        Uri baseUri,
        Func<HttpRequestMessage, CancellationToken, Task>? authorize = null,
        IDisposable? owner = null)
    {
        this.http = http;
        this.authorize = authorize;
        this.owner = owner;
        // A relative path resolves against the last segment only when the base ends with '/'.
        BaseUri = baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
    }

    public Uri BaseUri { get; }

    /// <summary>A connection over a KubernetesClient client: its HttpClient, address and credentials.</summary>
    public static KubernetesConnection FromClient(Kubernetes client) =>
        new(client.HttpClient, client.BaseUri, client.Credentials is { } credentials ? credentials.ProcessHttpRequestAsync : null, client);

    /// <summary>A connection built from a KubernetesClient configuration (in-cluster or kubeconfig).</summary>
    /// <exception cref="k8s.Exceptions.KubeConfigException">The configuration cannot be used (no CA for HTTPS, bad key...).</exception>
    public static KubernetesConnection FromConfiguration(KubernetesClientConfiguration configuration) =>
        FromClient(new Kubernetes(configuration));

    /// <summary>Authorizes and sends <paramref name="request"/>; returns as soon as the headers are in, the body streams.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (authorize is not null)
            await authorize(request, cancellationToken).ConfigureAwait(false);
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => owner?.Dispose();
}
