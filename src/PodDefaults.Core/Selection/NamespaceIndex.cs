using PodDefaults.Core.Json;
using PodDefaults.Core.Model;
using PodDefaults.Core.Pods;
using PodDefaults.Core.Warnings;

namespace PodDefaults.Core.Selection;

/// <summary>
/// The PodDefaults of one namespace, filed for lookup by the pod's labels: each PodDefault with
/// <c>matchLabels</c> is filed under one of its pairs, so a pod only meets those that share a label with it,
/// whatever the namespace holds. The rest (no <c>matchLabels</c>) are always checked; those with an unusable
/// selector are set aside with the warnings every admission in the namespace gives about them.
/// </summary>
public sealed class NamespaceIndex
{
    private readonly Dictionary<string, LabelValues>.AlternateLookup<ReadOnlySpan<char>> byLabelKey;
    private readonly PodDefault[] alwaysChecked;

    public NamespaceIndex(string name, IEnumerable<PodDefault> podDefaults)
    {
        Name = name;
        var sorted = podDefaults.ToArray();
        Array.Sort(sorted, PodDefaultOrder.ByName);
        All = sorted;

        // Built with plain loops and dictionaries: a watch event rebuilds its namespace's index, and LINQ groupings
        // and frozen dictionaries cost more to build than their faster lookups save for a handful of labels per pod.
        var byKey = new Dictionary<string, LabelValues>(StringComparer.Ordinal);
        var always = new List<PodDefault>();
        var invalid = new List<PodDefault>();
        foreach (var podDefault in sorted)
        {
            if (!podDefault.Selector.IsValid)
            {
                invalid.Add(podDefault);
                continue;
            }
            if (podDefault.Selector.Selector is not { MatchLabels.Count: > 0 } selector)
            {
                always.Add(podDefault);
                continue;
            }
            var (key, value) = selector.MatchLabels[0];
            if (!byKey.TryGetValue(key, out var values))
                byKey.Add(key, values = new LabelValues());
            values.File(value, podDefault);
        }
        byLabelKey = byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        alwaysChecked = [.. always];
        Invalid = [.. invalid];
        SkipWarnings = SkippedPodDefaultWarnings.Compose(invalid.Select(podDefault => (podDefault.Name, podDefault.Selector.Error!)));
    }

    public string Name { get; }

    /// <summary>Every PodDefault of the namespace, in apply order.</summary>
    public IReadOnlyList<PodDefault> All { get; }

    /// <summary>The PodDefaults whose selector is missing or invalid, in apply order: skipped for every pod.</summary>
    public IReadOnlyList<PodDefault> Invalid { get; }

    /// <summary>The admission warnings naming <see cref="Invalid"/>, sized to reach the user whole; built once, not per pod.</summary>
    public IReadOnlyList<string> SkipWarnings { get; }

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

    /// <summary>
    /// Adds the PodDefaults filed under a label that a PodDefault adds to the pod (chained selection): those that
    /// may select the pod only once it has that label. Together with <see cref="AddCandidates(ReadOnlySpan{byte}, JsonEntries, List{PodDefault})"/>
    /// for the pod's own labels, each PodDefault is added at most once as long as each label key is looked up once.
    /// </summary>
    public void AddCandidates(LabelPair label, List<PodDefault> candidates)
    {
        if (byLabelKey.Dictionary.TryGetValue(label.Key, out var values) && values.ByValue.Dictionary.TryGetValue(label.Value, out var filed))
            candidates.AddRange(filed);
    }

    /// <summary>The PodDefaults filed under one label key, by value. Filled by the constructor only.</summary>
    private sealed class LabelValues
    {
        private readonly Dictionary<string, List<PodDefault>> byValue = new(StringComparer.Ordinal);

        public LabelValues() => ByValue = byValue.GetAlternateLookup<ReadOnlySpan<char>>();

        public Dictionary<string, List<PodDefault>>.AlternateLookup<ReadOnlySpan<char>> ByValue { get; }

        public void File(string value, PodDefault podDefault)
        {
            if (!byValue.TryGetValue(value, out var filed))
                byValue.Add(value, filed = []);
            filed.Add(podDefault);
        }
    }
}
