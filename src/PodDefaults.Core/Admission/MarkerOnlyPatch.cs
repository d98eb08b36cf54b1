using PodDefaults.Core.Json;
using PodDefaults.Core.Merge;

namespace PodDefaults.Core.Admission;

/// <summary>
/// Whether a merge changes nothing but marker annotations: the pod already has everything its PodDefaults set,
/// and only their recorded resourceVersions are behind (a PodDefault edited in a way that changed nothing it sets).
/// <c>explain</c> calls that "already applied", which is what it means to the person asking.
/// </summary>
public static class MarkerOnlyPatch
{
    public static bool Is(ReadOnlySpan<byte> source, PodMerge merge)
    {
        if (merge.Conflicts.Count > 0)
            return false;
        foreach (var container in merge.Containers)
        {
            if (!container.Env.Added.IsEmpty || !container.EnvFrom.Added.IsEmpty || !container.VolumeMounts.Added.IsEmpty
                || container.Command is not null || container.Args is not null
                || !container.Limits.Set.IsEmpty || !container.Requests.Set.IsEmpty)
                return false;
        }
        if (!merge.Sidecars.Added.IsEmpty || !merge.InitContainers.Added.IsEmpty || !merge.Volumes.Added.IsEmpty
            || !merge.Tolerations.Added.IsEmpty || !merge.ImagePullSecrets.Added.IsEmpty
            || !merge.Labels.Set.IsEmpty || !merge.NodeSelector.Set.IsEmpty || !merge.SecurityContext.Set.IsEmpty || !merge.Affinity.Set.IsEmpty)
            return false;
        foreach (var annotation in merge.Annotations.Set)
        {
            if (!annotation.Item.KeyUtf8.AsSpan().SequenceEqual(annotation.From.Marker.KeyUtf8))
                return false;
        }
        return PodHas(source, merge.Pod.ServiceAccountName, merge.ServiceAccountName)
            && PodHas(source, merge.Pod.AutomountServiceAccountToken, merge.AutomountServiceAccountToken);
    }

    private static bool PodHas(ReadOnlySpan<byte> source, JsonRange podValue, Model.JsonItem? wanted) =>
        wanted is not { } item || (podValue.IsPresent && JsonSatisfies.Satisfies(podValue.In(source), item.Value));
}
