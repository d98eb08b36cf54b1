using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace PodDefaults.Webhook.Tls;

/// <summary>
/// A certificate with its private key, and the intermediates sent with it in every handshake.
/// Immutable: a reload makes a new one, and handshakes already holding the old one finish with it.
/// </summary>
public sealed class ServerCertificate
{
    public ServerCertificate(X509Certificate2 leaf, X509Certificate2Collection intermediates)
    {
        Leaf = leaf;
        Intermediates = intermediates;

        // Built once here rather than per handshake. Offline: a certificate reload must never wait
        // on the network to fetch missing issuers or OCSP responses.
        Context = SslStreamCertificateContext.Create(leaf, intermediates, offline: true);
    }

    /// <summary>The server's own certificate, with its private key.</summary>
    public X509Certificate2 Leaf { get; }

    /// <summary>The intermediates from the certificate file, in file order.</summary>
    public X509Certificate2Collection Intermediates { get; }

    /// <summary>What <see cref="SslStream"/> presents: the leaf and its chain.</summary>
    public SslStreamCertificateContext Context { get; }
}
