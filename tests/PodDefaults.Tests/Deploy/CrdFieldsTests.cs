using System.Text.Encodings.Web;
using PodDefaults.Core.Fields;

namespace PodDefaults.Tests.Deploy;

/// <summary>
/// The CRD's fields come from the field table: <c>build/crd/fields.json</c> is the table's CRD nodes, which
/// <c>build/crd/generate.mjs</c> puts into <c>spec.properties</c>. Run with <c>UPDATE_CRD_FIELDS=1</c> to rewrite
/// the file after changing the table, then <c>build/generate-crd.sh</c>.
/// </summary>
public sealed class CrdFieldsTests
{
    private static readonly string FieldsFile = RepositoryPaths.Of("build/crd/fields.json");

    [Fact]
    public void The_generators_field_list_is_the_field_table()
    {
        var expected = Render();
        if (Environment.GetEnvironmentVariable("UPDATE_CRD_FIELDS") == "1")
            File.WriteAllText(FieldsFile, expected);

        Assert.True(File.ReadAllText(FieldsFile) == expected,
            "build/crd/fields.json is not the field table: run these tests with UPDATE_CRD_FIELDS=1, then build/generate-crd.sh");
    }

    [Fact]
    public void The_crd_declares_each_field_with_its_kind()
    {
        var properties = PodDefaultCrd.SpecProperties;

        Assert.Equal(PodDefaultFields.SpecMembers.Order(StringComparer.Ordinal), properties.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.All(PodDefaultFields.All, field =>
        {
            var declared = properties[field.Name]!.AsObject();
            var node = Node(field);
            Assert.Equal((string?)node["type"], (string?)declared["type"]);
            Assert.Equal((string?)node["description"], (string?)declared["description"]);
            Assert.Equal(node["x-kubernetes-list-map-keys"]?.ToJsonString(), declared["x-kubernetes-list-map-keys"]?.ToJsonString());
        });
    }

    private static string Render()
    {
        var fields = new JsonArray([.. PodDefaultFields.All.Select(field => (JsonNode)new JsonObject { ["name"] = field.Name, ["schema"] = Node(field) })]);
        var file = new JsonObject
        {
            ["$comment"] = "GENERATED from src/PodDefaults.Core/Fields/PodDefaultFields.cs by CrdFieldsTests (UPDATE_CRD_FIELDS=1): do not edit.",
            ["fields"] = fields,
        };
        return file.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    /// <summary>The field's node of the CRD template: its description and its kind's schema.</summary>
    private static JsonObject Node(PodDefaultField field)
    {
        var node = new JsonObject { ["description"] = field.Description };
        switch (field.Kind)
        {
            case FieldKind.KeyedList or FieldKind.UnkeyedList:
                node["type"] = "array";
                if (field.CrdUniqueKeys)
                {
                    node["x-kubernetes-list-type"] = "map";
                    node["x-kubernetes-list-map-keys"] = new JsonArray(field.Key);
                }
                node["items"] = new JsonObject { ["$kubernetes"] = field.KubernetesType };
                break;
            case FieldKind.StringMap:
                node["type"] = "object";
                node["additionalProperties"] = new JsonObject { ["type"] = "string" };
                break;
            case FieldKind.ObjectMembers or FieldKind.Resources:
                node["type"] = "object";
                node["$kubernetes"] = field.KubernetesType;
                break;
            case FieldKind.FirstWinsStringList:
                node["type"] = "array";
                node["items"] = new JsonObject { ["type"] = "string" };
                break;
            case FieldKind.LastWinsString:
                node["type"] = "string";
                break;
            case FieldKind.LastWinsBoolean:
                node["type"] = "boolean";
                break;
            default:
                throw new InvalidOperationException($"no CRD node for {field.Kind}");
        }
        return node;
    }
}
