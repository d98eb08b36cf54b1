using PodDefaults.Webhook.Yaml;

namespace PodDefaults.Tests.TestSupport;

/// <summary>
/// YAML test data and manifests as JSON nodes, read by the product's converter (<see cref="YamlToJson"/>), which
/// types scalars as kubectl does (<c>yes</c> is true, <c>010</c> is 8, quoted text is a string): the one way this
/// repository reads YAML.
/// </summary>
public static class TestYaml
{
    /// <summary>Every document of a stream (kustomize output, a multi-document file).</summary>
    public static IReadOnlyList<JsonNode?> Documents(string yaml) =>
        [.. YamlToJson.Convert(yaml).Select(document => JsonNode.Parse(document.Json))];

    /// <summary>The one document of <paramref name="yaml"/>.</summary>
    public static JsonNode? Single(string yaml) => Documents(yaml).Single();

    /// <summary>The first document, or null when the text holds none.</summary>
    public static JsonNode? Load(string yaml) => Documents(yaml).FirstOrDefault();
}
