using System.Security.Cryptography.X509Certificates;

namespace PodDefaults.ApiServerStandIn;

/// <summary>How the stand-in listens and whom it lets in.</summary>
public sealed record StandInOptions
{
    /// <summary>Loopback port; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Serves HTTPS with this certificate (with private key); plain HTTP when null.</summary>
    public X509Certificate2? Certificate { get; init; }

    /// <summary>When set, requests must carry <c>Authorization: Bearer T</c> with a token it accepts.</summary>
    public Func<string, bool>? AcceptToken { get; init; }

    /// <summary>When set, requests must come with a TLS client certificate of this SHA-256 thumbprint (or a token above).</summary>
    public string? ClientCertificateThumbprint { get; init; }

    /// <summary>Answer a watch from an expired resourceVersion with HTTP 410 instead of 200 and an ERROR event.</summary>
    public bool ExpiredWatchAsHttpStatus { get; init; }
}
