using PodDefaults.Core.Json;
using PodDefaults.Core.Model;
using PodDefaults.Core.Pods;

namespace PodDefaults.Core.Selection;

/// <summary>
/// Evaluates a LabelSelector against the labels of the pod in the request, and the labels that PodDefaults
/// being applied add to it (chained selection, docs/semantics.md §3): where the pod has the key, its own
/// value counts.
/// </summary>
public static class SelectorMatcher
{
    public static bool Matches(LabelSelector selector, ReadOnlySpan<byte> source, JsonEntries labels, ReadOnlySpan<AddedLabel> added = default) =>
        FirstUnmet(selector, source, labels, added) is null;

    /// <summary>The first term the labels do not meet, or null when the selector matches.</summary>
    public static SelectorRequirement? FirstUnmet(LabelSelector selector, ReadOnlySpan<byte> source, JsonEntries labels, ReadOnlySpan<AddedLabel> added = default)
    {
        foreach (var requirement in selector.Terms)
        {
            if (!IsMet(requirement, source, labels, added))
                return requirement;
        }
        return null;
    }

    /// <summary>Whether one term is met.</summary>
    public static bool IsMet(SelectorRequirement requirement, ReadOnlySpan<byte> source, JsonEntries labels, ReadOnlySpan<AddedLabel> added = default)
    {
        var podValue = Find(requirement.KeyUtf8, source, labels);
        var addedValue = podValue.IsPresent ? null : Find(requirement.KeyUtf8, added);
        var present = podValue.IsPresent || addedValue is not null;
        return requirement.Operator switch
        {
            SelectorOperator.Exists => present,
            SelectorOperator.DoesNotExist => !present,
            SelectorOperator.In => present && AnyEquals(requirement.ValuesUtf8, podValue, addedValue, source),
            // NotIn matches a pod without the key, as in Kubernetes.
            SelectorOperator.NotIn => !present || !AnyEquals(requirement.ValuesUtf8, podValue, addedValue, source),
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

    private static byte[]? Find(ReadOnlySpan<byte> key, ReadOnlySpan<AddedLabel> added)
    {
        foreach (var label in added)
        {
            if (key.SequenceEqual(label.Label.KeyUtf8))
                return label.Label.ValueUtf8;
        }
        return null;
    }

    /// <summary>Whether the value (the pod's when present, else the added one) is one of the candidates.</summary>
    private static bool AnyEquals(byte[][] candidates, JsonString podValue, byte[]? addedValue, ReadOnlySpan<byte> source)
    {
        foreach (var candidate in candidates)
        {
            if (podValue.IsPresent ? podValue.TextEquals(source, candidate) : candidate.AsSpan().SequenceEqual(addedValue))
                return true;
        }
        return false;
    }
}
