using Json.Schema;

namespace PodDefaults.Tests.Deploy;

/// <summary>
/// Validates objects against a CRD version's <c>openAPIV3Schema</c> the way the API server does:
/// the schema (<see cref="OpenApiSchemaConverter"/>), unique list-map keys (<see cref="ListMapKeys"/>)
/// and the CEL rules (<see cref="CelRules"/>, with a standard CEL interpreter).
/// </summary>
internal sealed class CrdSchemaValidator
{
    private readonly JsonObject openApiSchema;
    private readonly JsonSchema jsonSchema;

    public CrdSchemaValidator(JsonObject openApiSchema)
    {
        this.openApiSchema = openApiSchema;
        jsonSchema = JsonSchema.FromText(OpenApiSchemaConverter.ToJsonSchema(openApiSchema).ToJsonString());
    }

    /// <summary>
    /// Every reason the API server would reject <paramref name="instance"/>, each starting with the
    /// field's path (<c>spec.env[0].value: ...</c>); empty when it passes.
    /// </summary>
    public IReadOnlyList<string> Validate(JsonNode instance)
    {
        using var document = JsonDocument.Parse(instance.ToJsonString());
        var results = jsonSchema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var schemaErrors = results.IsValid
            ? []
            : (results.Details ?? [])
                .Where(detail => detail.Errors is not null)
                .SelectMany(detail => detail.Errors!.Select(error =>
                    $"{FieldPath.FromJsonPointer(detail.InstanceLocation.ToString(), instance)}: {error.Value} (schema {detail.EvaluationPath})"));
        return
        [
            .. schemaErrors,
            .. ListMapKeys.FindDuplicates(openApiSchema, instance),
            .. CelRules.FindViolations(openApiSchema, instance),
        ];
    }
}
