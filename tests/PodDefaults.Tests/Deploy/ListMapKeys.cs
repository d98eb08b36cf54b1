namespace PodDefaults.Tests.Deploy;

/// <summary>
/// The API server's check for lists declared <c>x-kubernetes-list-type: map</c>: no two items with
/// the same values of <c>x-kubernetes-list-map-keys</c>. JSON Schema has no keyword for it.
/// </summary>
internal static class ListMapKeys
{
    public static IEnumerable<string> FindDuplicates(JsonObject openApiSchema, JsonNode? instance) =>
        SchemaWalk.Pairs(openApiSchema, instance)
            .Where(pair => pair.Value is JsonArray && (string?)pair.Schema["x-kubernetes-list-type"] == "map")
            .SelectMany(pair => DuplicatesIn(pair.Schema, pair.Value!.AsArray(), pair.Path));

    private static IEnumerable<string> DuplicatesIn(JsonObject listSchema, JsonArray array, string path)
    {
        var keyNames = listSchema["x-kubernetes-list-map-keys"]!.AsArray().Select(k => (string)k!).ToList();
        var seen = new HashSet<string>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject item)
            {
                continue; // Not an object: the schema check reports it.
            }
            var key = new JsonObject(keyNames.Select(k => KeyValuePair.Create(k, item[k]?.DeepClone()))).ToJsonString();
            if (!seen.Add(key))
            {
                yield return $"{path}[{i}]: Duplicate value: {key}";
            }
        }
    }
}
