using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace PodDefaults.Webhook.Tls.Provisioning;

/// <summary>
/// What the replicas keep in the Secret's <c>data</c>: the CA bundle the API server must trust, the pair every
/// replica serves, and, during a rotation, the next pair and when its next step may be taken. PEM text; the
/// times are RFC 3339. The Secret is <c>Opaque</c>: a <c>kubernetes.io/tls</c> Secret cannot be created without
/// its keys, and shipping them empty would let every re-apply of the manifests blank the certificate.
/// </summary>
public sealed record CertificateSecretData
{
    public const string CaBundleKey = "ca.crt";
    public const string CertificateKey = "tls.crt";
    public const string PrivateKeyKey = "tls.key";
    public const string NextCertificateKey = "next.crt";
    public const string NextPrivateKeyKey = "next.key";
    public const string SwitchAfterKey = "switch-after";
    public const string PruneAfterKey = "prune-after";

    private static readonly string[] Keys =
        [CaBundleKey, CertificateKey, PrivateKeyKey, NextCertificateKey, NextPrivateKeyKey, SwitchAfterKey, PruneAfterKey];

    /// <summary>Every CA the API server must trust now (PEM, one or more certificates).</summary>
    public string? CaBundle { get; init; }

    public string? Certificate { get; init; }

    public string? PrivateKey { get; init; }

    /// <summary>The pair a rotation switches to, once its CA has reached the bundle.</summary>
    public string? NextCertificate { get; init; }

    public string? NextPrivateKey { get; init; }

    /// <summary>Not before this time may the replicas switch to the next pair.</summary>
    public DateTimeOffset? SwitchAfter { get; init; }

    /// <summary>Not before this time may the CAs that no longer sign the served certificate leave the bundle.</summary>
    public DateTimeOffset? PruneAfter { get; init; }

    /// <summary>The Secret as the manifests ship it: nothing in it yet.</summary>
    public bool IsEmpty => CaBundle is null && Certificate is null && PrivateKey is null && NextCertificate is null;

    /// <summary>Reads our keys from a Secret object; a value that is not base64 or UTF-8 reads as missing.</summary>
    public static CertificateSecretData Read(JsonObject secret)
    {
        var data = secret["data"] as JsonObject;
        string? Text(string key)
        {
            if (data?[key] is not JsonValue value || !value.TryGetValue<string>(out var base64))
                return null;
            var bytes = new byte[base64.Length];
            if (!Convert.TryFromBase64String(base64, bytes, out var length) || length == 0)
                return null;
            try
            {
                return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, length);
            }
            catch (DecoderFallbackException)
            {
                return null;
            }
        }

        DateTimeOffset? Time(string key) =>
            DateTimeOffset.TryParse(Text(key), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

        return new CertificateSecretData
        {
            CaBundle = Text(CaBundleKey),
            Certificate = Text(CertificateKey),
            PrivateKey = Text(PrivateKeyKey),
            NextCertificate = Text(NextCertificateKey),
            NextPrivateKey = Text(NextPrivateKeyKey),
            SwitchAfter = Time(SwitchAfterKey),
            PruneAfter = Time(PruneAfterKey),
        };
    }

    /// <summary>Sets our keys in the Secret object's <c>data</c>, removing those that are null; other keys stay.</summary>
    public void WriteTo(JsonObject secret)
    {
        if (secret["data"] is not JsonObject data)
        {
            data = [];
            secret["data"] = data;
        }

        foreach (var key in Keys)
            data.Remove(key);
        void Set(string key, string? text)
        {
            if (text is not null)
                data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        }

        Set(CaBundleKey, CaBundle);
        Set(CertificateKey, Certificate);
        Set(PrivateKeyKey, PrivateKey);
        Set(NextCertificateKey, NextCertificate);
        Set(NextPrivateKeyKey, NextPrivateKey);
        Set(SwitchAfterKey, SwitchAfter?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        Set(PruneAfterKey, PruneAfter?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
    }
}
