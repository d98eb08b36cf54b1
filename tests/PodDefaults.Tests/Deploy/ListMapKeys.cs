using System.Text.Json.Nodes;

namespace PodDefaults.Tests.Deploy;

/// <summary>
/// The API server's check for lists declared <c>x-kubernetes-list-type: map</c>: no two items with
/// the same values of <c>x-kubernetes-list-map-keys</c>. JSON Schema has no keyword for it.
/// </summary>
internal static class ListMapKeys
{
    public static IEnumerable<string> FindDuplicates(JsonObject openApiSchema, JsonNode? instance, string path = "")
    {
        switch (instance)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    var memberSchema = openApiSchema["properties"]?[name] ?? openApiSchema["additionalProperties"];
                    if (memberSchema is JsonObject schema)
                    {
                        foreach (var duplicate in FindDuplicates(schema, value, $"{path}.{name}"))
                        {
                            yield return duplicate;
                        }
                    }
                }
                break;
            case JsonArray array:
                foreach (var duplicate in DuplicatesIn(openApiSchema, array, path))
                {
                    yield return duplicate;
                }
                if (openApiSchema["items"] is JsonObject itemSchema)
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        foreach (var duplicate in FindDuplicates(itemSchema, array[i], $"{path}[{i}]"))
                        {
                            yield return duplicate;
                        }
                    }
                }
                break;
        }
    }

    private static IEnumerable<string> DuplicatesIn(JsonObject openApiSchema, JsonArray array, string path)
    {
        if ((string?)openApiSchema["x-kubernetes-list-type"] != "map")
        {
            yield break;
        }
        var keyNames = openApiSchema["x-kubernetes-list-map-keys"]!.AsArray().Select(k => (string)k!).ToList();
        var seen = new HashSet<string>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject item)
            {
                continue; // Not an object: the schema check reports it.
            }
            var key = new JsonObject(keyNames.Select(k => KeyValuePair.Create(k, item[k]?.DeepClone())));
            if (!seen.Add(key.ToJsonString()))
            {
                yield return $"{path}[{i}]: Duplicate value: {key.ToJsonString()}";
            }
        }
    }
}
