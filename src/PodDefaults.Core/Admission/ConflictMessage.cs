using PodDefaults.Core.Merge;
using PodDefaults.Core.Model;

namespace PodDefaults.Core.Admission;

/// <summary>The rejection message, worded as Kubeflow's webhook does so that existing tooling keeps matching it.</summary>
public static class ConflictMessage
{
    public const string Prefix = "conflict occurred while applying poddefaults: ";

    public static string Format(IReadOnlyList<PodDefault> applying, string podName, IReadOnlyList<Conflict> conflicts) =>
        $"{Prefix}{string.Join(",", applying.Select(pd => pd.Name))} on pod: {podName} err: {string.Join("; ", conflicts.Select(c => c.Clause))}";

    /// <summary>The rejection when the patch would pass <see cref="Patch.PatchWriter.MaxBytes"/>.</summary>
    public static string PatchTooLarge(IReadOnlyList<PodDefault> applying, string podName, int containers) =>
        $"poddefaults {string.Join(",", applying.Select(pd => pd.Name))} on pod: {podName} ({containers} containers) make a patch " +
        $"larger than {Patch.PatchWriter.MaxBytes} bytes (3 MiB), more than the API server can store: the pod is refused";
}
