using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PodDefaults.Tests.Deploy;

/// <summary>
/// YAML documents as JSON, typed the way kubectl reads them: a plain scalar can be null, a boolean or
/// a number; a quoted one is always a string. (A deserializer to <c>object</c> would turn every
/// scalar into a string and hide type errors from the schema checks.)
/// </summary>
/// <remarks>
/// Unlike <see cref="TestSupport.TestYaml"/>, it reads every document of a stream (kustomize output),
/// all of YAML 1.1's booleans, and floats, since the schema checks must type values as kubectl does.
/// </remarks>
internal static partial class KubectlYaml
{
    public static IReadOnlyList<JsonNode?> ParseDocuments(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return [.. stream.Documents.Select(document => ToJson(document.RootNode))];
    }

    public static JsonNode? ParseSingle(string yaml) => ParseDocuments(yaml).Single();

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(entry =>
            KeyValuePair.Create(((YamlScalarNode)entry.Key).Value!, ToJson(entry.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode scalar => ToJson(scalar),
        _ => throw new NotSupportedException($"YAML node {node.NodeType} at {node.Start}."),
    };

    // The scalars of YAML 1.1, which kubectl's YAML library follows (so `on` and `yes` are booleans).
    private static JsonNode? ToJson(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }
        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "y" or "Y" => JsonValue.Create(true),
            "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF" or "n" or "N" => JsonValue.Create(false),
            // Parsed back from JSON text so that a reader may take the number as int, long or double.
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) =>
                JsonNode.Parse(integer.ToString(CultureInfo.InvariantCulture)),
            _ when Float().IsMatch(text) =>
                JsonNode.Parse(double.Parse(text, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)),
            _ => JsonValue.Create(text),
        };
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
