using PodDefaults.Core.Json;

namespace PodDefaults.Webhook.Sources.Files;

/// <summary>Bounds that turn hostile or broken YAML into an error instead of a crash or an exhausted memory.</summary>
internal static class YamlLimits
{
    /// <summary>
    /// Deepest nesting of mappings and sequences: the JSON readers' limit, so that what YAML produces the JSON
    /// readers accept. Conversion recurses once per level.
    /// </summary>
    public const int MaxDepth = JsonLimits.MaxDepth;

    /// <summary>
    /// How many more JSON nodes than YAML nodes one document may produce through aliases and merge keys. An
    /// alias bomb (a few lines of anchors that expand to billions of nodes) fails here, early; real PodDefault
    /// files reuse a few blocks a few times.
    /// </summary>
    public const int MaxExpandedNodes = 100_000;
}
