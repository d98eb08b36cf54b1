using System.Text.Json.Nodes;

namespace PodDefaults.Tests.Core.Properties;

/// <summary>
/// Which PodDefaults a generated pod must get (SEMANTICS.md sections 2 and 3), worked out independently of
/// the engine: the oracle the properties compare the engine's choice with.
/// </summary>
internal static class ExpectedSelection
{
    public static bool IsExcluded(JsonNode pod) =>
        pod["metadata"]?["annotations"] is JsonObject annotations
        && (annotations.ContainsKey("kubernetes.io/config.mirror")
            || (string?)annotations["poddefault.admission.kubeflow.org/exclude"] == "true");

    /// <summary>The names of the PodDefaults to apply, in apply order: matching, and not applied at their version yet.</summary>
    public static string[] Applying(JsonNode pod, IEnumerable<JsonNode> podDefaults)
    {
        var labels = pod["metadata"]?["labels"] as JsonObject ?? [];
        return InNamespace(podDefaults)
            .Where(pd => IsValid(pd) && Matches(pd["spec"]!["selector"]!.AsObject(), labels) && !IsApplied(pod, pd))
            .Select(Name)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The names of the PodDefaults of the pod's namespace that must be skipped with a warning.</summary>
    public static string[] Invalid(IEnumerable<JsonNode> podDefaults) =>
        InNamespace(podDefaults).Where(pd => !IsValid(pd)).Select(Name).ToArray();

    private static IEnumerable<JsonNode> InNamespace(IEnumerable<JsonNode> podDefaults) =>
        podDefaults.Where(pd => (string?)pd["metadata"]!["namespace"] == Pools.Namespace);

    /// <summary>
    /// Whether a matching PodDefault is skipped because the pod carries its marker at its version: the pod
    /// claims items it may not have (a copied manifest), so a later version may still add some.
    /// </summary>
    public static bool AnySkippedAsApplied(JsonNode pod, IEnumerable<JsonNode> podDefaults)
    {
        var labels = pod["metadata"]?["labels"] as JsonObject ?? [];
        return InNamespace(podDefaults).Any(pd => IsValid(pd) && Matches(pd["spec"]!["selector"]!.AsObject(), labels) && IsApplied(pod, pd));
    }

    /// <summary>The value of the PodDefault's marker annotation on the pod, if any.</summary>
    public static string? Marker(JsonNode pod, string name) =>
        (string?)pod["metadata"]?["annotations"]?[Pools.MarkerPrefix + name];

    private static bool IsApplied(JsonNode pod, JsonNode podDefault) =>
        Marker(pod, Name(podDefault)) == (string?)podDefault["metadata"]!["resourceVersion"];

    private static bool IsValid(JsonNode podDefault) => (string?)podDefault["spec"]!["desc"] != PodDefaultGenerator.InvalidSelectorDesc;

    private static string Name(JsonNode podDefault) => (string)podDefault["metadata"]!["name"]!;

    private static bool Matches(JsonObject selector, JsonObject labels)
    {
        foreach (var (key, value) in selector["matchLabels"] as JsonObject ?? [])
        {
            if (!labels.TryGetPropertyValue(key, out var label) || (string?)label != (string?)value)
                return false;
        }
        foreach (var term in selector["matchExpressions"] as JsonArray ?? [])
        {
            var key = (string)term!["key"]!;
            var present = labels.TryGetPropertyValue(key, out var label);
            var values = (term["values"] as JsonArray ?? []).Select(v => (string?)v).ToArray();
            var met = (string)term["operator"]! switch
            {
                "In" => present && values.Contains((string?)label),
                "NotIn" => !present || !values.Contains((string?)label),
                "Exists" => present,
                "DoesNotExist" => !present,
                var op => throw new InvalidOperationException($"the generator made operator {op} for a valid selector"),
            };
            if (!met)
                return false;
        }
        return true;
    }
}
