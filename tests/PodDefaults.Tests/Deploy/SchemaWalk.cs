namespace PodDefaults.Tests.Deploy;

/// <summary>Pairs every value of an object with the CRD schema node that describes it.</summary>
internal static class SchemaWalk
{
    public static IEnumerable<(JsonObject Schema, JsonNode? Value, string Path)> Pairs(
        JsonObject schema, JsonNode? value, string path = "")
    {
        yield return (schema, value, path);
        var children = value switch
        {
            JsonObject obj => obj.Select(member => (
                Schema: (schema["properties"]?[member.Key] ?? schema["additionalProperties"]) as JsonObject,
                Value: member.Value,
                Path: FieldPath.Member(path, member.Key))),
            JsonArray array => array.Select((item, i) => (
                Schema: schema["items"] as JsonObject,
                Value: item,
                Path: FieldPath.Item(path, i))),
            _ => [],
        };
        foreach (var child in children.Where(c => c.Schema is not null))
        {
            foreach (var pair in Pairs(child.Schema!, child.Value, child.Path))
            {
                yield return pair;
            }
        }
    }
}
