using PodDefaults.Core.Json;
using PodDefaults.Core.Merge;
using PodDefaults.Core.Model;
using PodDefaults.Core.Pods;

namespace PodDefaults.Core.Patch;

/// <summary>
/// Turns a merge into targeted patch operations. Every operation is an <c>add</c>: a list or map the pod
/// lacks is added whole, otherwise items are appended (<c>/-</c>) and members set by key. Nothing is ever
/// moved or removed, so the operations apply in any order to the request's pod and indexes stay valid.
/// </summary>
public static class PodPatch
{
    public static void Write(ReadOnlySpan<byte> source, PodMerge merge, PatchWriter patch)
    {
        var pod = merge.Pod;
        if (!pod.HasMetadata && !(merge.Labels.Set.IsEmpty && merge.Annotations.Set.IsEmpty))
            patch.Add("/metadata"u8, "{}"u8);
        WriteMap(patch, "/metadata/labels"u8, merge.Labels.Existing, merge.Labels.Set);
        WriteMap(patch, "/metadata/annotations"u8, merge.Annotations.Existing, merge.Annotations.Set);

        if (!pod.HasSpec && WritesSpec(merge))
            patch.Add("/spec"u8, "{}"u8);
        foreach (var container in merge.Containers)
            WriteContainer(patch, container);
        WriteList(patch, "/spec/containers"u8, merge.Sidecars.Existing, merge.Sidecars.Added);
        WriteList(patch, "/spec/initContainers"u8, merge.InitContainers.Existing, merge.InitContainers.Added);
        WriteList(patch, "/spec/volumes"u8, merge.Volumes.Existing, merge.Volumes.Added);
        WriteList(patch, "/spec/tolerations"u8, merge.Tolerations.Existing, merge.Tolerations.Added);
        WriteList(patch, "/spec/imagePullSecrets"u8, merge.ImagePullSecrets.Existing, merge.ImagePullSecrets.Added);
        WriteMap(patch, "/spec/nodeSelector"u8, merge.NodeSelector.Existing, merge.NodeSelector.Set);
        WriteMap(patch, "/spec/securityContext"u8, merge.SecurityContext.Existing, merge.SecurityContext.Set);
        WriteMap(patch, "/spec/affinity"u8, merge.Affinity.Existing, merge.Affinity.Set);
        if (merge.ServiceAccountName is { } account && !PodHas(source, pod.ServiceAccountName, account))
            patch.Add("/spec/serviceAccountName"u8, account.Json);
        if (merge.AutomountServiceAccountToken is { } automount && !PodHas(source, pod.AutomountServiceAccountToken, automount))
            patch.Add("/spec/automountServiceAccountToken"u8, automount.Json);
    }

    private static void WriteContainer(PatchWriter patch, ContainerMerge container)
    {
        Span<byte> buffer = stackalloc byte[64];
        var prefix = new PatchPath(buffer).Append("/spec/containers"u8).AppendIndex(container.Index).Value;
        WriteList(patch, prefix, "/env"u8, container.Env);
        WriteList(patch, prefix, "/envFrom"u8, container.EnvFrom);
        WriteList(patch, prefix, "/volumeMounts"u8, container.VolumeMounts);

        Span<byte> memberBuffer = stackalloc byte[96];
        if (container.Command is { } command)
            patch.Add(new PatchPath(memberBuffer).Append(prefix).Append("/command"u8).Value, command.Json);
        if (container.Args is { } args)
            patch.Add(new PatchPath(memberBuffer).Append(prefix).Append("/args"u8).Value, args.Json);

        if (container.Limits.Set.IsEmpty && container.Requests.Set.IsEmpty)
            return;
        var resources = new PatchPath(memberBuffer).Append(prefix).Append("/resources"u8).Value;
        if (!container.Shape.HasResources)
            patch.Add(resources, "{}"u8);
        Span<byte> partBuffer = stackalloc byte[112];
        WriteMap(patch, new PatchPath(partBuffer).Append(resources).Append("/limits"u8).Value, container.Limits.Existing, container.Limits.Set);
        WriteMap(patch, new PatchPath(partBuffer).Append(resources).Append("/requests"u8).Value, container.Requests.Existing, container.Requests.Set);
    }

    private static void WriteList(PatchWriter patch, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> member, ListMerge list)
    {
        if (list.Added.IsEmpty)
            return;
        Span<byte> buffer = stackalloc byte[96];
        WriteList(patch, new PatchPath(buffer).Append(prefix).Append(member).Value, list.Existing, list.Added);
    }

    private static void WriteList(PatchWriter patch, ReadOnlySpan<byte> path, JsonEntries existing, ReadOnlySpan<AddedItem> added)
    {
        if (added.IsEmpty)
            return;
        if (!existing.Present)
        {
            patch.AddList(path, added);
            return;
        }
        Span<byte> buffer = stackalloc byte[path.Length + 2];
        var append = new PatchPath(buffer).Append(path).Append("/-"u8).Value;
        foreach (var item in added)
            patch.Add(append, item.Item.Json);
    }

    private static void WriteMap(PatchWriter patch, ReadOnlySpan<byte> path, JsonEntries existing, ReadOnlySpan<AddedItem> set)
    {
        if (set.IsEmpty)
            return;
        if (!existing.Present)
        {
            patch.AddObject(path, set);
            return;
        }
        Span<byte> stackBuffer = stackalloc byte[1024];
        foreach (var member in set)
        {
            var size = PatchPath.SizeFor(path.Length, member.Item.KeyUtf8);
            var buffer = size <= stackBuffer.Length ? stackBuffer : new byte[size];
            patch.Add(new PatchPath(buffer).Append(path).AppendKey(member.Item.KeyUtf8).Value, member.Item.Json);
        }
    }

    private static bool WritesSpec(PodMerge merge) =>
        merge.Sidecars.Added.Length + merge.InitContainers.Added.Length + merge.Volumes.Added.Length
        + merge.Tolerations.Added.Length + merge.ImagePullSecrets.Added.Length + merge.NodeSelector.Set.Length
        + merge.SecurityContext.Set.Length + merge.Affinity.Set.Length > 0
        || merge.ServiceAccountName is not null || merge.AutomountServiceAccountToken is not null;

    private static bool PodHas(ReadOnlySpan<byte> source, JsonRange podValue, JsonItem wanted) =>
        podValue.IsPresent && JsonSatisfies.Satisfies(podValue.In(source), wanted.Value);
}
