namespace PodDefaults.Core.Admission;

/// <summary>How an admission ended, for the response, metrics and logs.</summary>
public enum AdmissionOutcome
{
    /// <summary>Allowed with a patch.</summary>
    Patched,

    /// <summary>A pod CREATE that needed no change (nothing matched, or everything was already applied).</summary>
    Unchanged,

    /// <summary>
    /// Rejected: the PodDefaults conflict with the pod or with each other, or their patch would be larger than the
    /// API server can store (<see cref="Admission.DenialMessage"/> says which).
    /// </summary>
    Conflict,

    /// <summary>Not ours to mutate: not a pod CREATE, an excluded pod or a mirror pod.</summary>
    Skipped,
}
