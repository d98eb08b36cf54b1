using PodDefaults.Core.Json;
using PodDefaults.Core.Model;
using PodDefaults.Core.Pods;

namespace PodDefaults.Core.Selection;

/// <summary>Evaluates a LabelSelector against the labels of the pod in the request.</summary>
public static class SelectorMatcher
{
    public static bool Matches(LabelSelector selector, ReadOnlySpan<byte> source, JsonEntries labels) =>
        FirstUnmet(selector, source, labels) is null;

    /// <summary>The first term the labels do not meet, or null when the selector matches.</summary>
    public static SelectorRequirement? FirstUnmet(LabelSelector selector, ReadOnlySpan<byte> source, JsonEntries labels)
    {
        foreach (var requirement in selector.Terms)
        {
            if (!IsMet(requirement, source, labels))
                return requirement;
        }
        return null;
    }

    private static bool IsMet(SelectorRequirement requirement, ReadOnlySpan<byte> source, JsonEntries labels)
    {
        var value = Find(requirement.KeyUtf8, source, labels);
        return requirement.Operator switch
        {
            SelectorOperator.Exists => value.IsPresent,
            SelectorOperator.DoesNotExist => !value.IsPresent,
            SelectorOperator.In => value.IsPresent && AnyEquals(requirement.ValuesUtf8, value, source),
            // NotIn matches a pod without the key, as in Kubernetes.
            SelectorOperator.NotIn => !value.IsPresent || !AnyEquals(requirement.ValuesUtf8, value, source),
            _ => false,
        };
    }

    private static JsonString Find(ReadOnlySpan<byte> key, ReadOnlySpan<byte> source, JsonEntries labels)
    {
        foreach (var label in labels.Items)
        {
            if (label.Key.TextEquals(source, key))
                return label.Value.AsString(source);
        }
        return JsonString.None;
    }

    private static bool AnyEquals(byte[][] candidates, JsonString value, ReadOnlySpan<byte> source)
    {
        foreach (var candidate in candidates)
        {
            if (value.TextEquals(source, candidate))
                return true;
        }
        return false;
    }
}
