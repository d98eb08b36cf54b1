using YamlDotNet.Core;

namespace PodDefaults.Webhook.Yaml;

/// <summary>
/// Turns a mapping key into a JSON member name as sigs.k8s.io/yaml does: a key is resolved like any scalar,
/// then bools, integers and floats are written as text (<c>true:</c> gives "true", <c>0x10:</c> gives "16").
/// Keys that it rejects (null, integers beyond 64 bits, mappings and sequences) are errors here too.
/// </summary>
internal static class YamlMappingKey
{
    public static string NameOf(YamlNode key)
    {
        var node = key is YamlAlias alias ? alias.Target : key;
        if (node is not YamlScalar scalar)
        {
            throw new YamlToJsonException(
                key.Position, $"a mapping key must be a scalar to name a JSON member, not a {(node is YamlMapping ? "mapping" : "sequence")}");
        }

        var resolved = YamlScalarResolver.Resolve(scalar);
        return resolved.Kind switch
        {
            ScalarKind.String or ScalarKind.Bool or ScalarKind.Integer or ScalarKind.NonFiniteFloat => resolved.Text,
            ScalarKind.Float => GoFloatText.MapKey(resolved.Float),
            ScalarKind.Null => throw new YamlToJsonException(
                key.Position, $"a null key ('{scalar.Value}') cannot name a JSON member; quote it to keep it as text"),
            _ => throw new YamlToJsonException(
                key.Position, $"the integer key {resolved.Text} does not fit in 64 bits; quote it to keep it as text"),
        };
    }

    /// <summary>
    /// A merge key is a plain, untagged <c>&lt;&lt;</c> (or one tagged <c>!!merge</c>); a quoted one is an ordinary key.
    /// </summary>
    public static bool IsMerge(YamlNode key) =>
        key is YamlScalar { Value: "<<" } scalar
        && (scalar.Tag.IsEmpty ? scalar.Style == ScalarStyle.Plain : scalar.Tag.Value == "tag:yaml.org,2002:merge");
}
