using PodDefaults.Core.Json;

namespace PodDefaults.Webhook.Yaml;

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

    /// <summary>
    /// The largest PodDefault file read. The API server stores objects of at most 1.5 MiB and a ConfigMap holds at
    /// most 1 MiB, so 4 MiB fits any export of them (a <c>List</c> of a few thousand PodDefaults) while bounding what
    /// reading one file costs.
    /// </summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>
    /// The most bytes of JSON one YAML stream (one file) may convert to, all its documents together. Aliases
    /// repeat text without repeating nodes, so the node bound alone lets a 1 MiB scalar aliased 400 times become
    /// 400 MiB. Without aliases JSON is at most about twice its YAML (<c>[a,a]</c> becomes <c>["a","a"]</c>), so
    /// this is four times the largest file with room to spare, and what one file costs stays a few tens of MB.
    /// </summary>
    public const int MaxJsonBytes = 16 * 1024 * 1024;
}
