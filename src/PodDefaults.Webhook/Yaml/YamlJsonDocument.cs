namespace PodDefaults.Webhook.Yaml;

/// <summary>One YAML document as JSON, with the lines its nodes came from.</summary>
public sealed class YamlJsonDocument(byte[] json, int line, YamlLineMap lines)
{
    /// <summary>The document as UTF-8 JSON text, ready for <c>Utf8JsonReader</c> or <c>JsonDocument</c>.</summary>
    public byte[] Json { get; } = json;

    /// <summary>The 1-based line where the document's content starts.</summary>
    public int Line { get; } = line;

    /// <summary>The line of every node, by JSON Pointer.</summary>
    public YamlLineMap Lines { get; } = lines;
}
