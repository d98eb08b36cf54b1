namespace PodDefaults.Tests.Deploy;

/// <summary>
/// A webhook's <c>namespaceSelector</c> evaluated as the API server does: every <c>matchLabels</c>
/// pair and every <c>matchExpressions</c> term must hold; NotIn and DoesNotExist hold for a missing key.
/// </summary>
internal static class NamespaceSelector
{
    public static bool Selects(JsonNode selector, IReadOnlyDictionary<string, string> labels)
    {
        var pairsHold = (selector["matchLabels"]?.AsObject() ?? []).All(pair =>
            labels.TryGetValue(pair.Key, out var value) && value == (string?)pair.Value);
        var termsHold = (selector["matchExpressions"]?.AsArray() ?? []).All(term =>
        {
            var present = labels.TryGetValue((string)term!["key"]!, out var value);
            var values = ManifestObjectTests.Strings(term["values"]).ToHashSet();
            return (string?)term["operator"] switch
            {
                "In" => present && values.Contains(value!),
                "NotIn" => !present || !values.Contains(value!),
                "Exists" => present,
                "DoesNotExist" => !present,
                var other => throw new ArgumentException($"unknown operator {other}"),
            };
        });
        return pairsHold && termsHold;
    }
}
