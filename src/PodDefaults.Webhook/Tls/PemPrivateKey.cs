using System.Formats.Asn1;
using System.Security.Cryptography;

namespace PodDefaults.Webhook.Tls;

/// <summary>
/// Reads the private key of a PEM file: PKCS#1 <c>RSA PRIVATE KEY</c>, SEC 1 <c>EC PRIVATE KEY</c>,
/// or PKCS#8 <c>PRIVATE KEY</c> holding either.
/// </summary>
internal static class PemPrivateKey
{
    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string EcOid = "1.2.840.10045.2.1";

    public static AsymmetricAlgorithm Read(string keyFile, string pem)
    {
        var blocks = PemFile.Parse(keyFile, pem);
        if (blocks.Any(b => b.Label == "ENCRYPTED PRIVATE KEY"))
        {
            throw new TlsConfigurationException($"'{keyFile}' holds an encrypted private key; an unencrypted one is needed.");
        }

        var block = blocks.FirstOrDefault(b => b.Label is "RSA PRIVATE KEY" or "EC PRIVATE KEY" or "PRIVATE KEY");
        if (block.Der is null)
        {
            throw new TlsConfigurationException(
                $"'{keyFile}' holds no PEM private key (RSA PRIVATE KEY, EC PRIVATE KEY or PRIVATE KEY).");
        }

        try
        {
            return block.Label switch
            {
                "RSA PRIVATE KEY" => Import(RSA.Create(), k => k.ImportRSAPrivateKey(block.Der, out _)),
                "EC PRIVATE KEY" => Import(ECDsa.Create(), k => k.ImportECPrivateKey(block.Der, out _)),
                _ => Pkcs8Algorithm(block.Der) switch
                {
                    RsaOid => Import(RSA.Create(), k => k.ImportPkcs8PrivateKey(block.Der, out _)),
                    EcOid => Import(ECDsa.Create(), k => k.ImportPkcs8PrivateKey(block.Der, out _)),
                    var other => throw new TlsConfigurationException(
                        $"'{keyFile}' holds a private key of algorithm {other}; only RSA and ECDSA keys are supported."),
                },
            };
        }
        catch (Exception e) when (e is CryptographicException or AsnContentException)
        {
            throw new TlsConfigurationException($"'{keyFile}': the {block.Label} cannot be decoded: {e.Message}", e);
        }
    }

    // PrivateKeyInfo ::= SEQUENCE { version INTEGER, privateKeyAlgorithm SEQUENCE { algorithm OID, ... }, ... }
    private static string Pkcs8Algorithm(byte[] der)
    {
        var info = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
        info.ReadInteger();
        return info.ReadSequence().ReadObjectIdentifier();
    }

    private static T Import<T>(T key, Action<T> import)
        where T : AsymmetricAlgorithm
    {
        try
        {
            import(key);
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }
}
