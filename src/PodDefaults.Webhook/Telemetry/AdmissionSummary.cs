using PodDefaults.Core.Admission;

namespace PodDefaults.Webhook.Telemetry;

/// <summary>
/// The strings a recorded span and the debug line show of one admission, read from the pooled admission before it
/// is returned. Made only when a span records or debug logging is on: otherwise admissions allocate none of them.
/// </summary>
internal sealed record AdmissionSummary(string Namespace, string PodName, string Operation, string[] PodDefaults, int PatchOperations, long SnapshotGeneration)
{
    public static AdmissionSummary Of(Admission admission)
    {
        var names = new string[admission.Applied.Count];
        for (var i = 0; i < names.Length; i++)
            names[i] = admission.Applied[i].Name;
        return new(admission.Namespace, admission.PodName, admission.Operation, names, admission.PatchOperationCount, admission.SnapshotGeneration);
    }
}
