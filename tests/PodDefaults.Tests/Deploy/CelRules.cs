using Cel;

namespace PodDefaults.Tests.Deploy;

/// <summary>
/// Evaluates a CRD's <c>x-kubernetes-validations</c> rules with a standard CEL interpreter.
/// </summary>
/// <remarks>
/// Not the API server's CEL environment: rules are not type-checked against the schema, there is
/// no cost estimate or budget, and Kubernetes' own CEL libraries (quantity, url, regex...) are
/// missing. A rule that uses them fails here as "could not be evaluated"; the rules of this CRD
/// need only standard CEL. The cost bounds are checked separately (CrdTests).
/// </remarks>
internal static class CelRules
{
    public static IEnumerable<string> Compile(JsonObject openApiSchema) =>
        SchemaWalkOfSchema(openApiSchema).SelectMany(Rules).Select(rule =>
        {
            try
            {
                new CelEnvironment(null, "").Compile(rule.Expression);
                return null;
            }
            catch (Exception e)
            {
                return $"{rule.Expression}: {e.Message}";
            }
        }).OfType<string>();

    /// <summary>The message of every rule that <paramref name="instance"/> breaks.</summary>
    public static IEnumerable<string> FindViolations(JsonObject openApiSchema, JsonNode? instance) =>
        SchemaWalk.Pairs(openApiSchema, instance)
            .Where(pair => pair.Value is not null)
            .SelectMany(pair => Rules(pair.Schema).Select(rule => Evaluate(rule, pair.Value!, pair.Path)))
            .OfType<string>();

    private static string? Evaluate((string Expression, string Message) rule, JsonNode self, string path)
    {
        try
        {
            var result = new CelEnvironment(null, "").Program(rule.Expression, new Dictionary<string, object?> { ["self"] = ToCel(self) });
            return result is true ? null : $"{path}: Invalid value: {rule.Message}";
        }
        catch (Exception e)
        {
            return $"{path}: rule {rule.Expression} could not be evaluated: {e.Message}";
        }
    }

    private static IEnumerable<(string Expression, string Message)> Rules(JsonObject schema) =>
        schema["x-kubernetes-validations"]?.AsArray().Select(r =>
            ((string)r!["rule"]!, (string?)r["message"] ?? $"failed rule: {r["rule"]}")) ?? [];

    private static IEnumerable<JsonObject> SchemaWalkOfSchema(JsonObject schema) =>
        new[] { schema }
            .Concat(schema["properties"]?.AsObject().Select(p => p.Value!.AsObject()).SelectMany(SchemaWalkOfSchema) ?? [])
            .Concat(schema["items"] is JsonObject items ? SchemaWalkOfSchema(items) : [])
            .Concat(schema["additionalProperties"] is JsonObject values ? SchemaWalkOfSchema(values) : []);

    // The shapes the interpreter understands: maps with string keys, arrays, and scalars.
    private static object? ToCel(JsonNode? node) => node switch
    {
        JsonObject obj => obj.ToDictionary(member => member.Key, member => ToCel(member.Value)),
        JsonArray array => array.Select(ToCel).ToArray(),
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        JsonValue value when value.TryGetValue<long>(out var integer) => integer,
        JsonValue value when value.TryGetValue<double>(out var number) => number,
        _ => null,
    };
}
