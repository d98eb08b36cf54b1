using PodDefaults.Core.Merge;
using PodDefaults.Core.Model;
using PodDefaults.Core.Selection;

namespace PodDefaults.Core.Admission;

/// <summary>Whether one PodDefault applies to the pod, and why (or why not).</summary>
/// <param name="PodDefault">The PodDefault, as the snapshot holds it.</param>
/// <param name="Kind">What happens to it.</param>
public sealed record PodDefaultVerdict(PodDefault PodDefault, VerdictKind Kind)
{
    /// <summary>For <see cref="VerdictKind.SelectorDoesNotMatch"/>: the first term the pod's labels do not meet.</summary>
    public SelectorRequirement? UnmetTerm { get; init; }

    /// <summary>For <see cref="VerdictKind.SelectorDoesNotMatch"/>: the added label the unmet term tested, when a PodDefault added it.</summary>
    public AddedLabel? UnmetThrough { get; init; }

    /// <summary>
    /// For <see cref="VerdictKind.Applies"/> and <see cref="VerdictKind.AlreadyApplied"/>: the labels other
    /// PodDefaults add that the selector needed (chained selection); empty when the pod's own labels select it.
    /// </summary>
    public IReadOnlyList<AddedLabel> SelectedThrough { get; init; } = [];

    /// <summary>
    /// For <see cref="VerdictKind.AlreadyApplied"/>: the pod has everything the PodDefault sets, but its marker names an
    /// older resourceVersion, which the patch would update.
    /// </summary>
    public bool MarkerBehind { get; init; }

    /// <summary>For <see cref="VerdictKind.Applies"/>: the conflicts this PodDefault raises, in the engine's order.</summary>
    public IReadOnlyList<Conflict> Conflicts { get; init; } = [];
}
