using PodDefaults.Core.Admission;
using PodDefaults.Core.Merge;

namespace PodDefaults.Webhook.Telemetry;

internal static class AdmissionResults
{
    /// <summary>
    /// The conflicts of this admission. <see cref="Admission.Conflicts"/> is only this admission's when the merge ran:
    /// a pooled admission that was skipped or matched nothing still shows the last merge's list.
    /// </summary>
    public static IReadOnlyList<Conflict> ConflictsFound(this Admission admission) =>
        admission.Outcome == AdmissionOutcome.Conflict ? admission.Conflicts : [];
}
