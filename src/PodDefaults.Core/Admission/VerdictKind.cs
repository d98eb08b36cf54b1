namespace PodDefaults.Core.Admission;

/// <summary>What happens to one PodDefault of the pod's namespace, and so which reason an explanation gives.</summary>
public enum VerdictKind
{
    /// <summary>Merged into the pod; it may still raise conflicts, which reject the pod.</summary>
    Applies,

    /// <summary>The selector is valid, and one of its terms is not met by the pod's labels.</summary>
    SelectorDoesNotMatch,

    /// <summary>The selector is missing or invalid: skipped with an admission warning.</summary>
    InvalidSelector,

    /// <summary>
    /// The pod already carries the marker annotation with the PodDefault's current resourceVersion, or everything the
    /// PodDefault sets and a marker an edit left behind (<see cref="PodDefaultVerdict.MarkerBehind"/>).
    /// </summary>
    AlreadyApplied,

    /// <summary>No PodDefault applies to this pod: it opts out, or is a mirror pod (or the request is no pod CREATE).</summary>
    PodSkipped,
}
