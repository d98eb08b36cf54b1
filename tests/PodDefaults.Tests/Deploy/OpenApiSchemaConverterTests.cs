namespace PodDefaults.Tests.Deploy;

public class OpenApiSchemaConverterTests
{
    [Fact]
    public void Nullable_allows_null()
    {
        var validator = Validator("""{"type": "object", "properties": {"a": {"type": "string", "nullable": true}}}""");

        Assert.Empty(validator.Validate(JsonNode.Parse("""{"a": null}""")!));
        Assert.NotEmpty(validator.Validate(JsonNode.Parse("""{"a": 1}""")!));
    }

    [Fact]
    public void Boolean_exclusive_bounds_become_numeric_ones()
    {
        var validator = Validator("""{"type": "object", "properties": {"n": {"type": "integer", "minimum": 0, "exclusiveMinimum": true}}}""");

        Assert.NotEmpty(validator.Validate(JsonNode.Parse("""{"n": 0}""")!));
        Assert.Empty(validator.Validate(JsonNode.Parse("""{"n": 1}""")!));
    }

    [Fact]
    public void Undeclared_members_fail_unless_unknown_fields_are_preserved()
    {
        var validator = Validator("""
            {"type": "object", "properties": {
              "pruned": {"type": "object", "properties": {"a": {"type": "string"}}},
              "kept": {"type": "object", "x-kubernetes-preserve-unknown-fields": true},
              "map": {"type": "object", "additionalProperties": {"type": "string"}}}}
            """);

        Assert.NotEmpty(validator.Validate(JsonNode.Parse("""{"pruned": {"b": "x"}}""")!));
        Assert.Empty(validator.Validate(JsonNode.Parse("""{"kept": {"b": {"c": 1}}, "map": {"b": "x"}}""")!));
    }

    [Fact]
    public void Kubernetes_keywords_and_formats_are_not_json_schema()
    {
        var converted = OpenApiSchemaConverter.ToJsonSchema(JsonNode.Parse("""
            {"type": "object", "properties": {"n": {"type": "integer", "format": "int64", "description": "d",
              "x-kubernetes-validations": [{"rule": "self > 0"}]}}}
            """)!.AsObject());

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"type": "integer"}"""), converted["properties"]!["n"]));
    }

    private static CrdSchemaValidator Validator(string openApiSchema) =>
        new(JsonNode.Parse(openApiSchema)!.AsObject());
}
