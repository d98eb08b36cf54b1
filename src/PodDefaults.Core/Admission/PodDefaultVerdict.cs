using PodDefaults.Core.Merge;
using PodDefaults.Core.Model;

namespace PodDefaults.Core.Admission;

/// <summary>Whether one PodDefault applies to the pod, and why (or why not).</summary>
/// <param name="PodDefault">The PodDefault, as the snapshot holds it.</param>
/// <param name="Kind">What happens to it.</param>
public sealed record PodDefaultVerdict(PodDefault PodDefault, VerdictKind Kind)
{
    /// <summary>For <see cref="VerdictKind.SelectorDoesNotMatch"/>: the first term the pod's labels do not meet.</summary>
    public SelectorRequirement? UnmetTerm { get; init; }

    /// <summary>For <see cref="VerdictKind.Applies"/>: the conflicts this PodDefault raises, in the engine's order.</summary>
    public IReadOnlyList<Conflict> Conflicts { get; init; } = [];
}
