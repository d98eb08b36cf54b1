using System.Collections.Frozen;
using PodDefaults.Core.Json;
using PodDefaults.Core.Model;
using PodDefaults.Core.Pods;

namespace PodDefaults.Core.Selection;

/// <summary>
/// The PodDefaults of one namespace, filed for lookup by the pod's labels: each PodDefault with
/// <c>matchLabels</c> is filed under one of its pairs, so a pod only meets those that share a label with it,
/// whatever the namespace holds. The rest (no <c>matchLabels</c>, or an unusable selector) are always checked.
/// </summary>
public sealed class NamespaceIndex
{
    private readonly FrozenDictionary<string, LabelValues>.AlternateLookup<ReadOnlySpan<char>> byLabelKey;
    private readonly PodDefault[] alwaysChecked;

    public NamespaceIndex(string name, IEnumerable<PodDefault> podDefaults)
    {
        Name = name;
        var sorted = podDefaults.ToArray();
        Array.Sort(sorted, PodDefaultOrder.ByName);
        All = sorted;

        byLabelKey = sorted
            .Where(pd => pd.Selector.Selector is { MatchLabels.Count: > 0 })
            .GroupBy(pd => pd.Selector.Selector!.MatchLabels[0].Key, StringComparer.Ordinal)
            .ToFrozenDictionary(byKey => byKey.Key, byKey => new LabelValues(byKey), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        alwaysChecked = sorted.Where(pd => pd.Selector.Selector is not { MatchLabels.Count: > 0 }).ToArray();
    }

    public string Name { get; }

    /// <summary>Every PodDefault of the namespace, in apply order.</summary>
    public IReadOnlyList<PodDefault> All { get; }

    /// <summary>
    /// Adds the PodDefaults that may select a pod with these labels: a superset of the matching ones
    /// (selectors are evaluated by the caller), without duplicates, in no particular order.
    /// </summary>
    public void AddCandidates(ReadOnlySpan<byte> source, JsonEntries labels, List<PodDefault> candidates)
    {
        candidates.AddRange(alwaysChecked);
        if (byLabelKey.Dictionary.Count == 0)
            return;
        Span<char> text = stackalloc char[512];
        foreach (var label in labels.Items)
        {
            if (!Utf8Chars.TryDecode(label.Key, source, text, out var key) || !byLabelKey.TryGetValue(key, out var values))
                continue;
            var value = label.Value.AsString(source);
            if (value.IsPresent && Utf8Chars.TryDecode(value, source, text, out var valueChars) && values.ByValue.TryGetValue(valueChars, out var filed))
                candidates.AddRange(filed);
        }
    }

    /// <summary>The PodDefaults filed under one label key, by value; the lookup is made once, not per pod.</summary>
    private sealed class LabelValues(IEnumerable<PodDefault> podDefaults)
    {
        public FrozenDictionary<string, PodDefault[]>.AlternateLookup<ReadOnlySpan<char>> ByValue { get; } = podDefaults
            .GroupBy(pd => pd.Selector.Selector!.MatchLabels[0].Value, StringComparer.Ordinal)
            .ToFrozenDictionary(byValue => byValue.Key, byValue => byValue.ToArray(), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
