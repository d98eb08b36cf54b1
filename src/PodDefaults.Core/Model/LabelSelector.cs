namespace PodDefaults.Core.Model;

/// <summary>A valid LabelSelector: every <c>matchLabels</c> pair and every <c>matchExpressions</c> term, ANDed.</summary>
public sealed class LabelSelector
{
    private readonly SelectorRequirement[] terms;

    public LabelSelector(IReadOnlyList<KeyValuePair<string, string>> matchLabels, IReadOnlyList<SelectorRequirement> matchExpressions)
    {
        MatchLabels = matchLabels;
        var requirements = matchLabels.Select(pair => new SelectorRequirement(pair.Key, SelectorOperator.In, [pair.Value]));
        terms = [.. requirements, .. matchExpressions];
    }

    /// <summary>The <c>matchLabels</c> pairs; the snapshot index files a PodDefault under one of them.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> MatchLabels { get; }

    /// <summary>All terms, <c>matchLabels</c> first: an empty list matches every pod.</summary>
    public IReadOnlyList<SelectorRequirement> Requirements => terms;

    /// <summary>The same terms as a span: selection iterates them for every candidate, and an interface's enumerator would allocate.</summary>
    internal ReadOnlySpan<SelectorRequirement> Terms => terms;

    public override string ToString() => terms.Length == 0 ? "(everything)" : string.Join(",", terms);
}
