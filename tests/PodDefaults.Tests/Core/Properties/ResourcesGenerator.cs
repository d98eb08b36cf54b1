using System.Globalization;
using static PodDefaults.Tests.Core.Properties.Generators;

namespace PodDefaults.Tests.Core.Properties;

/// <summary>Container <c>resources</c> for pods and PodDefaults, and the LimitRanger annotation that goes with a pod's.</summary>
internal static class ResourcesGenerator
{
    /// <summary>
    /// <c>resources</c>: absent, <c>{}</c>, or entries per resource. A pod's requests never exceed its limits
    /// (the API server rejects such pods) and after defaulting a limit always comes with a request. A
    /// PodDefault may set a limit alone, and write whole quantities as numbers (YAML's <c>cpu: 2</c>).
    /// </summary>
    public static Gen<JsonObject?> Resources(bool podDefault) =>
        from shape in Gen.Int[0, 9]
        from entries in All(Pools.Resources.Select(resource => ResourceEntry(resource.Quantities, podDefault)))
        select shape switch
        {
            < 3 => null,
            < 5 => new JsonObject(),
            _ => ResourcesObject(entries),
        };

    private static Gen<int[]> ResourceEntry((string Text, int Value)[] quantities, bool podDefault) =>
        from state in Gen.Int[0, podDefault ? 3 : 2] // none, request only, both, limit only
        from a in Gen.Int[0, quantities.Length - 1]
        from b in Gen.Int[0, quantities.Length - 1]
        from asNumber in Chance(podDefault ? 30 : 0)
        select quantities[a].Value <= quantities[b].Value ? new[] { state, a, b, asNumber ? 1 : 0 } : [state, b, a, asNumber ? 1 : 0];

    private static JsonObject? ResourcesObject(int[][] entries)
    {
        var limits = new JsonObject();
        var requests = new JsonObject();
        for (var i = 0; i < entries.Length; i++)
        {
            var (resource, quantities) = Pools.Resources[i];
            var (state, request, limit, asNumber) = (entries[i][0], entries[i][1], entries[i][2], entries[i][3] == 1);
            if (state is 1 or 2)
                requests[resource] = Quantity(quantities[request].Text, asNumber);
            if (state is 2 or 3)
                limits[resource] = Quantity(quantities[limit].Text, asNumber);
        }
        var result = new JsonObject();
        if (limits.Count > 0)
            result["limits"] = limits;
        if (requests.Count > 0)
            result["requests"] = requests;
        return result;
    }

    private static JsonNode Quantity(string text, bool asNumber) =>
        asNumber && decimal.TryParse(text, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : JsonValue.Create(text);

    /// <summary>
    /// The annotation the LimitRanger would have written had it defaulted the picked values, e.g.
    /// <c>LimitRanger plugin set: cpu, memory request for container main; cpu limit for container main</c>.
    /// </summary>
    public static string? LimitRangerText(JsonObject[] containers, JsonObject podLevel, bool[] picked)
    {
        var clauses = new List<string>();
        var at = 0;
        foreach (var container in containers)
        {
            foreach (var (part, word) in new[] { ("requests", "request"), ("limits", "limit") })
            {
                if (container["resources"]?[part] is not JsonObject values)
                    continue;
                var resources = values.Select(entry => entry.Key).Where(_ => picked[at++ % picked.Length]).ToArray();
                if (resources.Length > 0)
                    clauses.Add($"{string.Join(", ", resources)} {word} for container {container["name"]}");
            }
        }
        if (clauses.Count > 0 && podLevel["initContainers"] is JsonArray { Count: > 0 } init && picked[^1])
            clauses.Add($"cpu request for init container {init[0]!["name"]}");
        return clauses.Count == 0 ? null : "LimitRanger plugin set: " + string.Join("; ", clauses);
    }
}
