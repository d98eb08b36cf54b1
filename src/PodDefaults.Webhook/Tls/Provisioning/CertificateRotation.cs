using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PodDefaults.Webhook.Tls.Provisioning;

/// <summary>
/// Decides the next write to the Secret, from what it holds and what the API server trusts; no I/O. A rotation
/// has three steps, each written by whichever replica gets there first (the API server's optimistic concurrency
/// lets exactly one win): (1) a new CA joins the bundle and the pair it signed waits as "next"; (2) once the
/// bundle has had time to reach the API server, and does trust the next pair, the replicas switch to it; (3) once
/// every replica has had time to switch, the old CA leaves the bundle. A certificate is therefore never served
/// before the API server trusts it, and a CA never leaves while a replica may still serve what it signed.
/// </summary>
public static class CertificateRotation
{
    /// <param name="apiServerTrusts">Whether the webhook configuration's caBundle (as last read) trusts a certificate.</param>
    /// <returns>The write to make, or null when the Secret is fine as it is.</returns>
    public static RotationStep? Decide(
        CertificateSecretData data,
        DateTimeOffset now,
        IReadOnlyList<string> dnsNames,
        Func<X509Certificate2, bool> apiServerTrusts,
        CertificateProvisioningOptions options)
    {
        using var current = Load(data.Certificate, data.PrivateKey);
        if (current is null || !Signs(data.CaBundle, current))
            return Fresh(data.IsEmpty ? "filled the empty Secret" : "replaced contents that cannot be served (no valid pair signed by a CA of the bundle)", now, dnsNames, options);
        if (current.NotAfter.ToUniversalTime() <= now)
            return Fresh("replaced an expired certificate", now, dnsNames, options);

        if (data.NextCertificate is not null || data.NextPrivateKey is not null)
        {
            using var next = Load(data.NextCertificate, data.NextPrivateKey);
            if (next is null || data.SwitchAfter is null || !Signs(data.CaBundle, next))
                return new RotationStep("dropped a next certificate that cannot be served", data with { NextCertificate = null, NextPrivateKey = null, SwitchAfter = null });
            if (now < data.SwitchAfter || !apiServerTrusts(next))
                return null;
            return new RotationStep("switched to the next certificate, whose CA the webhook configuration trusts", data with
            {
                Certificate = data.NextCertificate,
                PrivateKey = data.NextPrivateKey,
                NextCertificate = null,
                NextPrivateKey = null,
                SwitchAfter = null,
                PruneAfter = now + options.PropagationDelay,
            });
        }

        if (data.PruneAfter is { } pruneAfter)
        {
            if (now < pruneAfter)
                return null;
            return new RotationStep("removed the CAs that no longer sign the served certificate from the bundle", data with
            {
                CaBundle = CaBundle.Issuers(data.CaBundle, current, ValidityMidpoint(current)),
                PruneAfter = null,
            });
        }

        var reason = current.NotAfter.ToUniversalTime() - now <= options.RenewBefore
            ? $"the certificate expires at {current.NotAfter.ToUniversalTime():u}"
            : !Covers(current, dnsNames) ? $"the certificate does not name {string.Join(", ", dnsNames)}" : null;
        if (reason is null)
            return null;
        var issued = WebhookCertificateIssuer.Issue(dnsNames, now, options.Validity);
        return new RotationStep($"started a rotation: added a new CA to the bundle ({reason})", data with
        {
            CaBundle = data.CaBundle!.TrimEnd() + "\n" + issued.CaCertificatePem,
            NextCertificate = issued.CertificatePem,
            NextPrivateKey = issued.KeyPem,
            SwitchAfter = now + options.PropagationDelay,
        });
    }

    private static RotationStep Fresh(string description, DateTimeOffset now, IReadOnlyList<string> dnsNames, CertificateProvisioningOptions options)
    {
        var issued = WebhookCertificateIssuer.Issue(dnsNames, now, options.Validity);
        return new RotationStep(description, new CertificateSecretData
        {
            CaBundle = issued.CaCertificatePem,
            Certificate = issued.CertificatePem,
            PrivateKey = issued.KeyPem,
        });
    }

    private static X509Certificate2? Load(string? certificatePem, string? keyPem)
    {
        if (certificatePem is null || keyPem is null)
            return null;
        try
        {
            return X509Certificate2.CreateFromPem(certificatePem, keyPem);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return null;
        }
    }

    // Checked inside the certificate's own validity, not now: a replica whose clock runs behind the one that
    // wrote a new certificate must not take it for broken and overwrite it. Expiry is checked on its own.
    private static bool Signs(string? bundle, X509Certificate2 leaf) => CaBundle.Trusts(bundle, leaf, ValidityMidpoint(leaf));

    private static DateTimeOffset ValidityMidpoint(X509Certificate2 leaf)
    {
        var (from, to) = (leaf.NotBefore.ToUniversalTime(), leaf.NotAfter.ToUniversalTime());
        return new DateTimeOffset(from + (to - from) / 2, TimeSpan.Zero);
    }

    private static bool Covers(X509Certificate2 leaf, IReadOnlyList<string> dnsNames)
    {
        var names = leaf.Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(e => e.EnumerateDnsNames()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return dnsNames.All(names.Contains);
    }
}
