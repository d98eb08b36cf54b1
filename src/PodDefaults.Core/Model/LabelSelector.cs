namespace PodDefaults.Core.Model;

/// <summary>A valid LabelSelector: every <c>matchLabels</c> pair and every <c>matchExpressions</c> term, ANDed.</summary>
public sealed class LabelSelector
{
    public LabelSelector(IReadOnlyList<KeyValuePair<string, string>> matchLabels, IReadOnlyList<SelectorRequirement> matchExpressions)
    {
        MatchLabels = matchLabels;
        var requirements = matchLabels.Select(pair => new SelectorRequirement(pair.Key, SelectorOperator.In, [pair.Value]));
        Requirements = [.. requirements, .. matchExpressions];
    }

    /// <summary>The <c>matchLabels</c> pairs; the snapshot index files a PodDefault under one of them.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> MatchLabels { get; }

    /// <summary>All terms, <c>matchLabels</c> first: an empty list matches every pod.</summary>
    public IReadOnlyList<SelectorRequirement> Requirements { get; }

    public override string ToString() => Requirements.Count == 0 ? "(everything)" : string.Join(",", Requirements);
}
