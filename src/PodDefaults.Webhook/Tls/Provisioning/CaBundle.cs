using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PodDefaults.Webhook.Tls.Provisioning;

/// <summary>A PEM CA bundle, checked as the API server checks a webhook's certificate against its <c>caBundle</c>.</summary>
public static class CaBundle
{
    /// <summary>The certificates of a PEM bundle; empty when it holds none or cannot be read.</summary>
    public static X509Certificate2Collection Read(string? pem)
    {
        var certificates = new X509Certificate2Collection();
        if (string.IsNullOrWhiteSpace(pem))
            return certificates;
        try
        {
            certificates.ImportFromPem(pem);
        }
        catch (CryptographicException)
        {
            certificates.Clear();
        }
        return certificates;
    }

    /// <summary>Whether <paramref name="leaf"/> chains to a CA of <paramref name="pem"/> and is valid at <paramref name="at"/>.</summary>
    public static bool Trusts(string? pem, X509Certificate2 leaf, DateTimeOffset at) => Trusts(Read(pem), leaf, at);

    public static bool Trusts(X509Certificate2Collection roots, X509Certificate2 leaf, DateTimeOffset at)
    {
        if (roots.Count == 0)
            return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        return chain.Build(leaf);
    }

    /// <summary>The CAs of <paramref name="pem"/> that <paramref name="leaf"/> chains to, as PEM: what a pruned bundle keeps.</summary>
    public static string? Issuers(string? pem, X509Certificate2 leaf, DateTimeOffset at)
    {
        var kept = Read(pem).Where(ca => Trusts(new X509Certificate2Collection(ca), leaf, at)).ToList();
        return kept.Count == 0 ? null : string.Concat(kept.Select(ca => ca.ExportCertificatePem() + "\n"));
    }
}
