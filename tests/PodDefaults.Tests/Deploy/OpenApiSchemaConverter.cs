namespace PodDefaults.Tests.Deploy;

/// <summary>
/// Turns a CRD's <c>openAPIV3Schema</c> (OpenAPI 3.0's schema dialect with Kubernetes extensions)
/// into JSON Schema 2020-12, so that a JSON Schema validator accepts what the API server accepts.
/// </summary>
/// <remarks>
/// The dialects differ in a few places, handled here:
/// <list type="bullet">
/// <item><c>nullable: true</c> becomes a <c>"null"</c> member of <c>type</c>.</item>
/// <item>OpenAPI 3.0's boolean <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> become 2020-12's numbers.</item>
/// <item>The API server prunes members an object schema does not declare (unless it has
/// <c>x-kubernetes-preserve-unknown-fields</c>); JSON Schema would let them through. Such objects get
/// <c>additionalProperties: false</c>, so a field the CRD would silently drop fails validation.
/// <c>metadata</c> at the root is ObjectMeta, which the API server checks itself.</item>
/// <item><c>x-kubernetes-list-type: map</c> (unique keys) is checked by <see cref="ListMapKeys"/>.</item>
/// <item>Everything else is dropped: annotations (<c>description</c>, <c>default</c>), <c>format</c>
/// (int32/int64 mean nothing to JSON Schema) and the other <c>x-kubernetes-*</c> keywords. CEL rules
/// (<c>x-kubernetes-validations</c>) are evaluated by <see cref="CelRules"/>.</item>
/// </list>
/// </remarks>
internal static class OpenApiSchemaConverter
{
    private static readonly HashSet<string> SharedKeywords =
    [
        "type", "required", "enum", "pattern", "minItems", "maxItems", "uniqueItems", "minLength", "maxLength",
        "minProperties", "maxProperties", "minimum", "maximum", "multipleOf",
    ];

    public static JsonObject ToJsonSchema(JsonObject openApiSchema)
    {
        var schema = Convert(openApiSchema);
        if (schema["properties"] is JsonObject properties && properties.ContainsKey("metadata"))
        {
            properties["metadata"] = new JsonObject { ["type"] = "object" };
        }
        schema.Insert(0, "$schema", "https://json-schema.org/draft/2020-12/schema");
        return schema;
    }

    private static JsonObject Convert(JsonObject openApi)
    {
        var schema = new JsonObject();
        foreach (var (keyword, value) in openApi)
        {
            switch (keyword)
            {
                case "properties":
                    schema[keyword] = new JsonObject(value!.AsObject().Select(property =>
                        KeyValuePair.Create(property.Key, (JsonNode?)Convert(property.Value!.AsObject()))));
                    break;
                case "items" or "not":
                    schema[keyword] = Convert(value!.AsObject());
                    break;
                case "additionalProperties":
                    schema[keyword] = value is JsonObject additional ? Convert(additional) : value!.DeepClone();
                    break;
                case "anyOf" or "allOf" or "oneOf":
                    schema[keyword] = new JsonArray([.. value!.AsArray().Select(s => (JsonNode)Convert(s!.AsObject()))]);
                    break;
                case "exclusiveMinimum" or "exclusiveMaximum":
                    break; // Read with their bound below.
                case var shared when SharedKeywords.Contains(shared):
                    schema[keyword] = value?.DeepClone();
                    break;
            }
        }
        ConvertExclusiveBound(openApi, schema, "minimum", "exclusiveMinimum");
        ConvertExclusiveBound(openApi, schema, "maximum", "exclusiveMaximum");
        if (Flag(openApi, "nullable") && schema["type"] is JsonValue type)
        {
            schema["type"] = new JsonArray(type.GetValue<string>(), "null");
        }
        if ((string?)openApi["type"] == "object"
            && !openApi.ContainsKey("additionalProperties")
            && !Flag(openApi, "x-kubernetes-preserve-unknown-fields"))
        {
            schema["additionalProperties"] = false;
        }
        return schema;
    }

    private static void ConvertExclusiveBound(JsonObject openApi, JsonObject schema, string bound, string exclusive)
    {
        if (Flag(openApi, exclusive) && openApi[bound] is JsonNode value)
        {
            schema.Remove(bound);
            schema[exclusive] = value.DeepClone();
        }
    }

    private static bool Flag(JsonObject schema, string keyword) =>
        schema[keyword] is JsonValue value && value.GetValue<bool>();
}
