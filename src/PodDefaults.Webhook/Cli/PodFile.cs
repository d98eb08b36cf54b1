using System.Text.Json;
using System.Text.Json.Nodes;
using PodDefaults.Core.Admission;
using PodDefaults.Core.Json;
using PodDefaults.Webhook.Yaml;

namespace PodDefaults.Webhook.Cli;

/// <summary>
/// The pod given with <c>-f</c>: one YAML or JSON document (JSON is read as YAML, so both report lines the same
/// way) of <c>kind: Pod</c>, <c>apiVersion: v1</c>, from a file or from stdin (<c>-</c>). Every problem is a
/// <see cref="CliException"/> that says <c>path:line: reason</c>.
/// </summary>
internal sealed class PodFile
{
    public const string StdinPath = "-";

    private static readonly JsonDocumentOptions DocumentOptions = JsonLimits.DocumentOptions;

    private PodFile(string name, JsonObject pod, YamlLineMap lines)
    {
        Name = name;
        Pod = pod;
        Lines = lines;
    }

    /// <summary>The path as given, or <c>&lt;stdin&gt;</c>.</summary>
    public string Name { get; }

    /// <summary>The pod as JSON; <see cref="PodNamespace"/> fills in its namespace.</summary>
    public JsonObject Pod { get; }

    /// <summary>The line of every node of the document, for messages.</summary>
    public YamlLineMap Lines { get; }

    /// <exception cref="CliException">The file cannot be read, is not YAML, or does not hold exactly one Pod.</exception>
    public static PodFile Read(string path, TextReader stdin)
    {
        var name = path == StdinPath ? "<stdin>" : path;
        return Parse(name, ReadText(path, name, stdin));
    }

    /// <summary>A pod's YAML or JSON text from elsewhere (the API server), reported as <paramref name="name"/>.</summary>
    /// <exception cref="CliException">The text does not hold exactly one Pod.</exception>
    public static PodFile Parse(string name, string text)
    {
        var documents = Convert(name, text);
        if (documents.Count == 0)
            throw new CliException($"{name}: no object in it; expected one Pod");
        if (documents.Count > 1)
            throw new CliException($"{name}:{documents[1].Line}: a second document; expected one Pod");
        var document = documents[0];
        if (JsonNode.Parse(document.Json, nodeOptions: null, DocumentOptions) is not JsonObject pod)
            throw new CliException($"{name}:{document.Line}: expected a Pod object");
        var file = new PodFile(name, pod, document.Lines);
        file.Expect("kind", "Pod");
        file.Expect("apiVersion", "v1");
        return file;
    }

    /// <summary>A problem at a node of the pod, by JSON Pointer (a missing node is reported at its parent).</summary>
    public CliException Problem(string pointer, string reason) => new($"{Name}:{Lines.LineOf(pointer)}: {reason}");

    /// <summary>
    /// The engine could not read the pod (<c>spec.containers</c> is not a list...). Its reason names the field as
    /// <c>request.object.spec.containers[].env</c>; the line is that of the deepest node the name pins down.
    /// </summary>
    public CliException NotReadable(AdmissionReviewFormatException error)
    {
        const string objectPath = "request.object";
        var reason = error.InnerException?.Message ?? error.Message;
        if (reason.StartsWith(objectPath, StringComparison.Ordinal))
            reason = reason[objectPath.Length..].TrimStart('.');
        var field = reason.Split(": ")[0];
        var known = field.Split("[]")[0];
        return Problem(known.Length == 0 ? "" : "/" + known.Replace('.', '/'), $"not a pod the webhook can read: {reason}");
    }

    private static string ReadText(string path, string name, TextReader stdin)
    {
        try
        {
            return path == StdinPath ? stdin.ReadToEnd() : File.ReadAllText(path);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException($"{name}: no such file");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{name}: {error.Message}");
        }
    }

    private static IReadOnlyList<YamlJsonDocument> Convert(string name, string text)
    {
        try
        {
            return YamlToJson.Convert(text);
        }
        catch (YamlToJsonException error)
        {
            throw new CliException($"{name}:{error.Line}: {error.Reason}");
        }
    }

    private void Expect(string member, string wanted)
    {
        var node = Pod[member];
        if (node is null)
            throw Problem("/" + member, $"{member} is missing; expected {member}: {wanted}");
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String || value.GetValue<string>() != wanted)
            throw Problem("/" + member, $"{member} is {node.ToJsonString()}; expected {member}: {wanted} (apply and explain take one Pod)");
    }
}
