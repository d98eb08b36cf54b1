using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PodDefaults.Core.Json;
using PodDefaults.Core.Model;
using PodDefaults.Webhook.FileSystem;
using PodDefaults.Webhook.Yaml;

namespace PodDefaults.Webhook.Sources.Files;

/// <summary>
/// Reads the PodDefaults of one YAML or JSON file (JSON is read as YAML, so both report lines the same way):
/// every document, <c>kind: PodDefault</c> or a <c>List</c>/<c>PodDefaultList</c> of them. A bad document
/// is reported with its line and skipped; the others load. Documents of other kinds are counted and skipped.
/// Unlike the cluster's objects, nothing has validated a file against the CRD, so the parser checks the types the
/// CRD declares (<see cref="CrdSpecTypes"/>).
/// </summary>
/// <remarks>
/// Nothing a file holds makes this throw: a file too large, an alias bomb, a document that trips the parser in a
/// way nobody foresaw, each becomes a <see cref="FileProblem"/> naming the file.
/// </remarks>
public static class PodDefaultFileReader
{
    /// <summary>Namespace of a PodDefault that names none, as <c>kubectl apply</c> would place it.</summary>
    public const string DefaultNamespace = "default";

    private const string KubeflowGroup = "kubeflow.org/";

    public static PodDefaultFile Read(string path, string? defaultNamespace = null)
    {
        byte[] content;
        try
        {
            content = ReadBounded(path);
        }
        catch (Exception error)
        {
            return PodDefaultFile.Unreadable(path, 0, error.Message);
        }

        return Parse(path, content, defaultNamespace);
    }

    /// <param name="parse">Turns one object into a PodDefault (tests make it fail); <see cref="PodDefaultParser.Parse"/> by default.</param>
    internal static PodDefaultFile Parse(string path, byte[] content, string? defaultNamespace = null, Func<JsonElement, string, PodDefault>? parse = null)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        if (content.Length > YamlLimits.MaxFileBytes)
        {
            return PodDefaultFile.Unreadable(path, 0, $"the file is larger than {YamlLimits.MaxFileBytes / (1024 * 1024)} MiB, the most a PodDefault file may hold") with { ContentHash = hash };
        }

        var read = new DocumentReader(path, defaultNamespace ?? DefaultNamespace, parse ?? ParsePodDefault);
        using var documents = YamlToJson.Documents(Decode(content)).GetEnumerator();
        while (true)
        {
            YamlJsonDocument document;
            try
            {
                if (!documents.MoveNext())
                    break;
                document = documents.Current;
            }
            catch (YamlToJsonException error)
            {
                read.Problems.Add(new FileProblem(path, error.Line, error.Reason));
                break;
            }
            catch (Exception error)
            {
                read.Problems.Add(new FileProblem(path, 0, $"the YAML reader failed: {error.Message}"));
                break;
            }

            try
            {
                read.ReadDocument(document);
            }
            catch (Exception error)
            {
                read.Problems.Add(new FileProblem(path, document.Line, $"the document cannot be read: {error.Message}"));
            }
        }

        return new PodDefaultFile(path, read.PodDefaults, read.Problems, read.NotPodDefaults, hash);
    }

    /// <summary>
    /// At most one byte more than <see cref="YamlLimits.MaxFileBytes"/>, whatever size the file claims. A file whose
    /// target is empty is not opened: nothing is lost, and a FIFO or a device (which report no size) would block or
    /// never end.
    /// </summary>
    private static byte[] ReadBounded(string path)
    {
        var target = RealPath.Of(path);
        if (new FileInfo(target).Length == 0)
            return [];
        using var stream = new FileStream(target, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        using var content = new MemoryStream();
        var chunk = new byte[81920];
        int count;
        while (content.Length <= YamlLimits.MaxFileBytes
            && (count = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, YamlLimits.MaxFileBytes + 1 - content.Length))) > 0)
            content.Write(chunk, 0, count);
        return content.ToArray();
    }

    /// <summary>As <c>File.ReadAllText</c> does: UTF-8 unless a byte order mark says otherwise.</summary>
    private static StreamReader Decode(byte[] content) =>
        new(new MemoryStream(content), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);

    private static PodDefault ParsePodDefault(JsonElement obj, string defaultNamespace) =>
        PodDefaultParser.Parse(obj, defaultNamespace, deriveResourceVersion: true, CrdSpecTypes.Spec);

    /// <summary>
    /// Whether an object is meant as a PodDefault: its kind says so or, without a kind, its apiVersion is Kubeflow's.
    /// Anything else (a Kustomization, a ConfigMap, a README written as YAML) is not this reader's business.
    /// </summary>
    private static bool IsPodDefault(JsonElement obj) =>
        obj.ValueKind == JsonValueKind.Object && (StringMember(obj, "kind") is { } kind
            ? kind == PodDefaultParser.Kind
            : StringMember(obj, "apiVersion")?.StartsWith(KubeflowGroup, StringComparison.Ordinal) == true);

    private static string? StringMember(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>What the documents of one file add up to, as they are read.</summary>
    private sealed class DocumentReader(string path, string defaultNamespace, Func<JsonElement, string, PodDefault> parse)
    {
        public List<PodDefault> PodDefaults { get; } = [];

        public List<FileProblem> Problems { get; } = [];

        public int NotPodDefaults { get; private set; }

        public void ReadDocument(YamlJsonDocument document)
        {
            using var json = JsonDocument.Parse(document.Json, JsonLimits.DocumentOptions);
            var root = json.RootElement;
            var kind = root.ValueKind == JsonValueKind.Object ? StringMember(root, "kind") : null;
            if (kind is "List" or "PodDefaultList")
            {
                if (!root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
                {
                    Problems.Add(new FileProblem(path, document.Line, $"a {kind} without an items list"));
                    return;
                }
                var index = 0;
                foreach (var item in items.EnumerateArray())
                    ReadObject(document, $"/items/{index++}", item);
                return;
            }
            ReadObject(document, "", root);
        }

        private void ReadObject(YamlJsonDocument document, string pointer, JsonElement obj)
        {
            if (!IsPodDefault(obj))
            {
                NotPodDefaults++;
                return;
            }
            try
            {
                PodDefaults.Add(parse(obj, defaultNamespace));
            }
            catch (PodDefaultFormatException error)
            {
                var name = obj.TryGetProperty("metadata", out var metadata)
                    && metadata.ValueKind == JsonValueKind.Object && metadata.TryGetProperty("name", out var n) ? $"PodDefault {n}: " : "";
                Problems.Add(new FileProblem(path, document.Lines.LineOf(pointer + error.Pointer), name + error.Message));
            }
        }
    }
}
