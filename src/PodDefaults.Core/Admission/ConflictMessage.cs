using PodDefaults.Core.Merge;
using PodDefaults.Core.Model;

namespace PodDefaults.Core.Admission;

/// <summary>The rejection message, worded as Kubeflow's webhook does so that existing tooling keeps matching it.</summary>
public static class ConflictMessage
{
    public const string Prefix = "conflict occurred while applying poddefaults: ";

    public static string Format(IReadOnlyList<PodDefault> applying, string podName, IReadOnlyList<Conflict> conflicts) =>
        $"{Prefix}{string.Join(",", applying.Select(pd => pd.Name))} on pod: {podName} err: {string.Join("; ", conflicts.Select(c => c.Clause))}";
}
