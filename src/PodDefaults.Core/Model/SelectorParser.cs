using System.Text.Json;

namespace PodDefaults.Core.Model;

/// <summary>
/// Validates <c>spec.selector</c>. An invalid selector is not a format error: the PodDefault stays in the
/// index and is skipped with a warning, so one bad object cannot block a namespace (Kubeflow rejects every pod).
/// </summary>
internal static class SelectorParser
{
    public static SelectorResult Parse(JsonElement spec)
    {
        if (!spec.TryGetProperty("selector", out var selector) || selector.ValueKind == JsonValueKind.Null)
            return SelectorResult.Invalid("spec.selector is missing");
        if (selector.ValueKind != JsonValueKind.Object)
            return SelectorResult.Invalid("spec.selector is not an object");

        var labels = new List<KeyValuePair<string, string>>();
        if (selector.TryGetProperty("matchLabels", out var matchLabels) && matchLabels.ValueKind != JsonValueKind.Null)
        {
            if (matchLabels.ValueKind != JsonValueKind.Object)
                return SelectorResult.Invalid("matchLabels is not an object");
            foreach (var pair in matchLabels.EnumerateObject())
            {
                if (pair.Value.ValueKind != JsonValueKind.String)
                    return SelectorResult.Invalid($"matchLabels[{pair.Name}] is not a string");
                labels.Add(new(pair.Name, pair.Value.GetString()!));
            }
        }

        var expressions = new List<SelectorRequirement>();
        if (selector.TryGetProperty("matchExpressions", out var matchExpressions) && matchExpressions.ValueKind != JsonValueKind.Null)
        {
            if (matchExpressions.ValueKind != JsonValueKind.Array)
                return SelectorResult.Invalid("matchExpressions is not a list");
            var index = 0;
            foreach (var term in matchExpressions.EnumerateArray())
            {
                var error = TryParseRequirement(term, out var requirement);
                if (error is not null)
                    return SelectorResult.Invalid($"matchExpressions[{index}]: {error}");
                expressions.Add(requirement!);
                index++;
            }
        }
        return SelectorResult.Valid(new LabelSelector(labels, expressions));
    }

    private static string? TryParseRequirement(JsonElement term, out SelectorRequirement? requirement)
    {
        requirement = null;
        if (term.ValueKind != JsonValueKind.Object)
            return "not an object";
        if (!term.TryGetProperty("key", out var key) || key.ValueKind != JsonValueKind.String || key.GetString()!.Length == 0)
            return "key is missing";
        if (!term.TryGetProperty("operator", out var op) || op.ValueKind != JsonValueKind.String)
            return "operator is missing";
        SelectorOperator? maybeOp = op.GetString() switch
        {
            "In" => SelectorOperator.In,
            "NotIn" => SelectorOperator.NotIn,
            "Exists" => SelectorOperator.Exists,
            "DoesNotExist" => SelectorOperator.DoesNotExist,
            _ => null,
        };
        if (maybeOp is not { } parsedOp)
            return $"unknown operator \"{op.GetString()}\" (want In, NotIn, Exists or DoesNotExist)";

        var values = new List<string>();
        if (term.TryGetProperty("values", out var valueList) && valueList.ValueKind != JsonValueKind.Null)
        {
            if (valueList.ValueKind != JsonValueKind.Array)
                return "values is not a list";
            foreach (var value in valueList.EnumerateArray())
            {
                if (value.ValueKind != JsonValueKind.String)
                    return "values holds a non-string";
                values.Add(value.GetString()!);
            }
        }

        var wantsValues = parsedOp is SelectorOperator.In or SelectorOperator.NotIn;
        if (wantsValues && values.Count == 0)
            return $"operator {parsedOp} needs at least one value";
        if (!wantsValues && values.Count > 0)
            return $"operator {parsedOp} takes no values";
        requirement = new SelectorRequirement(key.GetString()!, parsedOp, values);
        return null;
    }
}
