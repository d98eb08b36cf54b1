namespace PodDefaults.Webhook.Yaml;

/// <summary>
/// Converts YAML to JSON as Kubernetes reads manifests (sigs.k8s.io/yaml, which uses go-yaml v2): plain
/// scalars take YAML 1.1 types (<c>yes</c> is true, <c>010</c> is 8), quoted and block scalars are strings,
/// anchors, aliases and merge keys are expanded, and every non-empty document of a <c>---</c> stream becomes
/// one JSON text. Reflection-free (YamlDotNet's event parser, <c>Utf8JsonWriter</c>), so it runs under Native
/// AOT.
/// </summary>
/// <remarks>
/// <para>
/// Where this is stricter or plainer than sigs.k8s.io/yaml: a key written twice in one mapping is an error (it
/// silently keeps one); a mapping's own keys win over merged ones even when written before the merge key (go-yaml
/// v2 lets the later merge overwrite them; the YAML merge-key spec and go-yaml v3 do not); <c>!!binary</c> is an
/// error, and other tags (<c>!!timestamp</c>, custom ones) leave the text a string.
/// </para>
/// <para>
/// Every error carries the line it is on, and each document records the line of each of its nodes, so a problem
/// found later in the JSON can be reported against the YAML.
/// </para>
/// </remarks>
public static class YamlToJson
{
    /// <inheritdoc cref="Convert(TextReader)"/>
    public static IReadOnlyList<YamlJsonDocument> Convert(string yaml) => Convert(new StringReader(yaml));

    /// <summary>Converts every non-empty document of a YAML stream, in order.</summary>
    /// <returns>
    /// One entry per document with content: documents that are empty or only comments are skipped, so a stream
    /// of comments gives none.
    /// </returns>
    /// <exception cref="YamlToJsonException">The YAML is malformed or has no JSON form; the first problem found.</exception>
    public static IReadOnlyList<YamlJsonDocument> Convert(TextReader yaml) => [.. Documents(yaml)];

    /// <summary>
    /// Converts the documents of a YAML stream one at a time, as they are enumerated: the documents before a
    /// problem are had even when a later one fails. All of them together may take at most
    /// <see cref="YamlLimits.MaxJsonBytes"/> of JSON.
    /// </summary>
    /// <exception cref="YamlToJsonException">Raised by the enumeration, at the first document that cannot be converted.</exception>
    public static IEnumerable<YamlJsonDocument> Documents(TextReader yaml)
    {
        var composer = new YamlComposer(new YamlEventReader(yaml));
        long bytesLeft = YamlLimits.MaxJsonBytes;
        while (composer.ReadDocument() is { } document)
        {
            if (!document.IsEmpty)
            {
                var json = YamlJsonWriter.Write(document, bytesLeft);
                bytesLeft -= json.Json.Length;
                yield return json;
            }
        }
    }
}
