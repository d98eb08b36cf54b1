using YamlDotNet.Core;

namespace PodDefaults.Webhook.Yaml;

/// <summary>
/// A node of a composed YAML document (the YAML spec's representation graph): what the parser's events
/// describe, with each alias bound to the node its anchor named. Aliased nodes are shared, not copied, so the
/// graph stays as small as the text even when it expands to far more JSON.
/// </summary>
internal abstract class YamlNode(YamlPosition position)
{
    /// <summary>Where the node's first token starts.</summary>
    public YamlPosition Position { get; } = position;
}

internal sealed class YamlScalar(YamlPosition position, string value, ScalarStyle style, TagName tag)
    : YamlNode(position)
{
    public string Value { get; } = value;

    /// <summary>Plain, quoted or block: only plain scalars have their type guessed from their text.</summary>
    public ScalarStyle Style { get; } = style;

    /// <summary>The explicit tag (<c>!!str</c> arrives as <c>tag:yaml.org,2002:str</c>), or empty.</summary>
    public TagName Tag { get; } = tag;
}

internal sealed class YamlSequence(YamlPosition position) : YamlNode(position)
{
    public List<YamlNode> Items { get; } = [];
}

internal sealed class YamlMapping(YamlPosition position) : YamlNode(position)
{
    /// <summary>The key/value pairs as written, merge keys (<c>&lt;&lt;</c>) included.</summary>
    public List<(YamlNode Key, YamlNode Value)> Entries { get; } = [];

    /// <summary>
    /// The JSON members this mapping stands for, once <see cref="YamlMappingMembers"/> has worked them out.
    /// Kept here because a mapping reached through many aliases or merge keys is still one node.
    /// </summary>
    public IReadOnlyList<YamlMember>? Members { get; set; }
}

/// <summary>An alias (<c>*name</c>): its own position, and the node it stands for.</summary>
internal sealed class YamlAlias(YamlPosition position, YamlNode target) : YamlNode(position)
{
    public YamlNode Target { get; } = target;
}

/// <summary>One JSON object member: its name, and the key and value nodes it comes from.</summary>
internal readonly record struct YamlMember(string Name, YamlNode Key, YamlNode Value);
