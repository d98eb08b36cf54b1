using System.Security.Cryptography;

namespace PodDefaults.Webhook.Tls;

/// <summary>One <c>-----BEGIN label-----</c> block of a PEM file, decoded.</summary>
internal readonly record struct PemBlock(string Label, byte[] Der);

/// <summary>Reads PEM files, naming the file in every error.</summary>
internal static class PemFile
{
    private const string BeginMarker = "-----BEGIN ";

    public static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new TlsConfigurationException($"'{path}' does not exist.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TlsConfigurationException($"'{path}' cannot be read: {e.Message}", e);
        }
    }

    /// <summary>
    /// All blocks of <paramref name="text"/>, in order. A damaged block is an error rather than
    /// skipped, so that a broken leaf is never mistaken for the intermediate after it.
    /// </summary>
    public static List<PemBlock> Parse(string path, string text)
    {
        var blocks = new List<PemBlock>();
        var rest = text.AsSpan();
        while (PemEncoding.TryFind(rest, out var fields))
        {
            blocks.Add(new PemBlock(
                rest[fields.Label].ToString(),
                Convert.FromBase64String(rest[fields.Base64Data].ToString())));
            rest = rest[fields.Location.End..];
        }

        var begins = text.AsSpan().Count(BeginMarker);
        if (begins != blocks.Count)
        {
            throw new TlsConfigurationException(
                $"'{path}' is not readable PEM: {begins - blocks.Count} of its {begins} blocks are damaged " +
                "(truncated, a missing -----END line, or bad base64).");
        }

        return blocks;
    }
}
