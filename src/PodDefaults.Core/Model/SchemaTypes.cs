using System.Text.Json;

namespace PodDefaults.Core.Model;

/// <summary>
/// The JSON types an OpenAPI v3 schema declares (a CRD's structural schema): <c>type</c>, or
/// <c>x-kubernetes-int-or-string</c>, through <c>properties</c>, <c>additionalProperties</c> and <c>items</c>.
/// Only types: enum, pattern, formats and CEL rules are the API server's business, and a node without a type
/// (<c>x-kubernetes-preserve-unknown-fields</c>) takes anything.
/// </summary>
public sealed class SchemaTypes
{
    private const double MaxJsonInteger = 9007199254740991; // 2^53 - 1: the largest float the API server takes as an integer

    private readonly JsonValueKind[] kinds;
    private readonly bool integerOnly;
    private readonly string expected;
    private readonly Dictionary<string, SchemaTypes> properties;
    private readonly SchemaTypes? additionalProperties;
    private readonly SchemaTypes? items;

    private SchemaTypes(JsonElement schema)
    {
        var type = schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var intOrString = schema.TryGetProperty("x-kubernetes-int-or-string", out var ios) && ios.ValueKind == JsonValueKind.True;
        (kinds, integerOnly, expected) = intOrString
            ? ([JsonValueKind.Number, JsonValueKind.String], true, "an integer or a string")
            : type switch
            {
                "string" => ([JsonValueKind.String], false, "a string"),
                "integer" => ([JsonValueKind.Number], true, "an integer"),
                "number" => ([JsonValueKind.Number], false, "a number"),
                "boolean" => ([JsonValueKind.True, JsonValueKind.False], false, "a boolean"),
                "object" => ([JsonValueKind.Object], false, "an object"),
                "array" => ([JsonValueKind.Array], false, "a list"),
                _ => ((JsonValueKind[])[], false, "anything"),
            };
        properties = new Dictionary<string, SchemaTypes>(StringComparer.Ordinal);
        if (schema.TryGetProperty("properties", out var members) && members.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in members.EnumerateObject())
                properties[member.Name] = new SchemaTypes(member.Value);
        }
        if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object)
            additionalProperties = new SchemaTypes(additional);
        if (schema.TryGetProperty("items", out var item) && item.ValueKind == JsonValueKind.Object)
            items = new SchemaTypes(item);
    }

    /// <summary>The types <paramref name="schema"/> declares, down to its leaves.</summary>
    public static SchemaTypes Of(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object ? new SchemaTypes(schema) : throw new ArgumentException("a schema is an object", nameof(schema));

    /// <summary>The schema of one declared member, if any.</summary>
    public SchemaTypes? Member(string name) => properties.GetValueOrDefault(name);

    /// <summary>Checks a value and everything in it that the schema declares.</summary>
    /// <param name="pointer">The value's JSON Pointer, for the exception.</param>
    /// <param name="path">The value's path as people read it (<c>env[0].value</c>), for the message.</param>
    /// <exception cref="PodDefaultFormatException">A value of another type than declared: the first one found.</exception>
    public void Check(JsonElement value, string pointer, string path)
    {
        // The API server drops null members (none of these schemas is nullable) before it validates.
        if (value.ValueKind == JsonValueKind.Null)
            return;
        if (kinds.Length > 0 && !IsDeclaredType(value))
            throw new PodDefaultFormatException(pointer, $"{path} must be {expected}, found {SpecMemberReader.Describe(value)}");
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in value.EnumerateObject())
            {
                var schema = properties.GetValueOrDefault(member.Name) ?? additionalProperties;
                var memberPath = properties.ContainsKey(member.Name) ? $"{path}.{member.Name}" : $"{path}[{member.Name}]";
                schema?.Check(member.Value, $"{pointer}/{JsonPointerText.Escape(member.Name)}", memberPath);
            }
        }
        else if (value.ValueKind == JsonValueKind.Array && items is not null)
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                items.Check(item, $"{pointer}/{index}", $"{path}[{index}]");
                index++;
            }
        }
    }

    private bool IsDeclaredType(JsonElement value)
    {
        if (Array.IndexOf(kinds, value.ValueKind) < 0)
            return false;
        return value.ValueKind != JsonValueKind.Number || !integerOnly || IsInteger(value);
    }

    /// <summary>As the API server decodes numbers: an integer, or a float with an integral value within ±(2^53 - 1).</summary>
    private static bool IsInteger(JsonElement number) =>
        number.TryGetInt64(out _)
        || (number.TryGetDouble(out var value) && Math.Abs(value) <= MaxJsonInteger && Math.Floor(value) == value);
}
