using YamlDotNet.Core;

namespace PodDefaults.Webhook.Yaml;

/// <summary>One document of a YAML stream, composed, and how many nodes its text holds.</summary>
internal sealed record ComposedDocument(YamlNode Root, int NodeCount)
{
    /// <summary>A document with no content (<c>---</c> alone, or only comments) has an empty plain scalar root.</summary>
    public bool IsEmpty => Root is YamlScalar { Value: "", Style: ScalarStyle.Plain, Tag.IsEmpty: true };
}
