namespace PodDefaults.Tests.Core.Properties;

/// <summary>
/// Which PodDefaults a generated pod must get (docs/semantics.md §2 and §3), worked out independently of
/// the engine: the oracle the properties compare the engine's choice with.
/// </summary>
internal static class ExpectedSelection
{
    public static bool IsExcluded(JsonNode pod) =>
        pod["metadata"]?["annotations"] is JsonObject annotations
        && (annotations.ContainsKey("kubernetes.io/config.mirror")
            || (string?)annotations["poddefault.admission.kubeflow.org/exclude"] == "true");

    /// <summary>The names of the PodDefaults to apply, in apply order: selected, and not applied at their version yet.</summary>
    public static string[] Applying(JsonNode pod, IEnumerable<JsonNode> podDefaults) =>
        Selected(pod, podDefaults).Where(pd => !IsApplied(pod, pd)).Select(Name).ToArray();

    /// <summary>The names of the PodDefaults that select the pod, already applied ones included.</summary>
    public static string[] SelectedNames(JsonNode pod, IEnumerable<JsonNode> podDefaults) =>
        Selected(pod, podDefaults).Select(Name).ToArray();

    /// <summary>
    /// Chained selection as the contract words it, with no index: passes over every PodDefault of the namespace
    /// in name order, each judged on the labels as they stand at its turn, until a pass selects nothing new. A
    /// selected PodDefault that is not applied yet adds the label keys that neither the pod nor an earlier one has.
    /// </summary>
    private static JsonNode[] Selected(JsonNode pod, IEnumerable<JsonNode> podDefaults)
    {
        var labels = (pod["metadata"]?["labels"] as JsonObject ?? []).ToDictionary(p => p.Key, p => (string?)p.Value);
        var valid = InNamespace(podDefaults).Where(IsValid).OrderBy(Name, StringComparer.Ordinal).ToArray();
        var selected = new List<JsonNode>();
        bool any;
        do
        {
            any = false;
            foreach (var podDefault in valid.Where(pd => !selected.Contains(pd)))
            {
                if (!Matches(podDefault["spec"]!["selector"]!.AsObject(), labels))
                    continue;
                selected.Add(podDefault);
                any = true;
                if (IsApplied(pod, podDefault))
                    continue;
                foreach (var (key, value) in podDefault["spec"]!["labels"] as JsonObject ?? [])
                    labels.TryAdd(key, (string?)value);
            }
        }
        while (any);
        return [.. selected.OrderBy(Name, StringComparer.Ordinal)];
    }

    /// <summary>The names of the PodDefaults of the pod's namespace that must be skipped with a warning.</summary>
    public static string[] Invalid(IEnumerable<JsonNode> podDefaults) =>
        InNamespace(podDefaults).Where(pd => !IsValid(pd)).Select(Name).ToArray();

    private static IEnumerable<JsonNode> InNamespace(IEnumerable<JsonNode> podDefaults) =>
        podDefaults.Where(pd => (string?)pd["metadata"]!["namespace"] == Pools.Namespace);

    /// <summary>
    /// Whether a selected PodDefault is skipped because the pod carries its marker at its version: the pod
    /// claims items it may not have (a copied manifest), so a later version may still add some.
    /// </summary>
    public static bool AnySkippedAsApplied(JsonNode pod, IEnumerable<JsonNode> podDefaults) =>
        Selected(pod, podDefaults).Any(pd => IsApplied(pod, pd));

    /// <summary>The value of the PodDefault's marker annotation on the pod, if any.</summary>
    public static string? Marker(JsonNode pod, string name) =>
        (string?)pod["metadata"]?["annotations"]?[Pools.MarkerPrefix + name];

    private static bool IsApplied(JsonNode pod, JsonNode podDefault) =>
        Marker(pod, Name(podDefault)) == (string?)podDefault["metadata"]!["resourceVersion"];

    private static bool IsValid(JsonNode podDefault) => (string?)podDefault["spec"]!["desc"] != PodDefaultGenerator.InvalidSelectorDesc;

    private static string Name(JsonNode podDefault) => (string)podDefault["metadata"]!["name"]!;

    private static bool Matches(JsonObject selector, Dictionary<string, string?> labels)
    {
        foreach (var (key, value) in selector["matchLabels"] as JsonObject ?? [])
        {
            if (!labels.TryGetValue(key, out var label) || label != (string?)value)
                return false;
        }
        foreach (var term in selector["matchExpressions"] as JsonArray ?? [])
        {
            var key = (string)term!["key"]!;
            var present = labels.TryGetValue(key, out var label);
            var values = (term["values"] as JsonArray ?? []).Select(v => (string?)v).ToArray();
            var met = (string)term["operator"]! switch
            {
                "In" => present && values.Contains(label),
                "NotIn" => !present || !values.Contains(label),
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
