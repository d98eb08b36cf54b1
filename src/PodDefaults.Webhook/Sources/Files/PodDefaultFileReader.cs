using System.Text.Json;
using PodDefaults.Core.Model;

namespace PodDefaults.Webhook.Sources.Files;

/// <summary>
/// Reads the PodDefaults of one YAML or JSON file (JSON is read as YAML, so both report lines the same way):
/// every document, <c>kind: PodDefault</c> or a <c>List</c>/<c>PodDefaultList</c> of them. A bad document
/// is reported with its line and skipped; the others load. Unlike the cluster's objects, nothing has validated
/// a file against the CRD, so the parser checks the types the CRD declares (<see cref="CrdSpecTypes"/>).
/// </summary>
public static class PodDefaultFileReader
{
    /// <summary>Namespace of a PodDefault that names none, as <c>kubectl apply</c> would place it.</summary>
    public const string DefaultNamespace = "default";

    public static PodDefaultFile Read(string path, string? defaultNamespace = null)
    {
        IReadOnlyList<YamlJsonDocument> documents;
        try
        {
            documents = YamlToJson.Convert(File.ReadAllText(path));
        }
        catch (YamlToJsonException error)
        {
            return new PodDefaultFile(path, [], [new FileProblem(path, error.Line, error.Reason)], Readable: false);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return new PodDefaultFile(path, [], [new FileProblem(path, 0, error.Message)], Readable: false);
        }

        var podDefaults = new List<PodDefault>();
        var problems = new List<FileProblem>();
        foreach (var document in documents)
            ReadDocument(path, document, defaultNamespace ?? DefaultNamespace, podDefaults, problems);
        return new PodDefaultFile(path, podDefaults, problems, Readable: true);
    }

    private static void ReadDocument(string path, YamlJsonDocument document, string defaultNamespace, List<PodDefault> podDefaults, List<FileProblem> problems)
    {
        using var json = JsonDocument.Parse(document.Json);
        var root = json.RootElement;
        var kind = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String
            ? k.GetString()
            : null;
        if (kind is "List" or "PodDefaultList")
        {
            if (!root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new FileProblem(path, document.Line, $"a {kind} without an items list"));
                return;
            }
            var index = 0;
            foreach (var item in items.EnumerateArray())
                ReadObject(path, document, $"/items/{index++}", item, defaultNamespace, podDefaults, problems);
            return;
        }
        ReadObject(path, document, "", root, defaultNamespace, podDefaults, problems);
    }

    private static void ReadObject(string path, YamlJsonDocument document, string pointer, JsonElement obj, string defaultNamespace,
        List<PodDefault> podDefaults, List<FileProblem> problems)
    {
        try
        {
            podDefaults.Add(PodDefaultParser.Parse(obj, defaultNamespace, deriveResourceVersion: true, CrdSpecTypes.Spec));
        }
        catch (PodDefaultFormatException error)
        {
            var name = obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty("metadata", out var metadata)
                && metadata.ValueKind == JsonValueKind.Object && metadata.TryGetProperty("name", out var n) ? $"PodDefault {n}: " : "";
            problems.Add(new FileProblem(path, document.Lines.LineOf(pointer + error.Pointer), name + error.Message));
        }
    }
}
