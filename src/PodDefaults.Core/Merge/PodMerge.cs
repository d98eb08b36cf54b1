using System.Runtime.InteropServices;
using PodDefaults.Core.Json;
using PodDefaults.Core.Model;
using PodDefaults.Core.Pods;

namespace PodDefaults.Core.Merge;

/// <summary>
/// Merges PodDefaults into a pod one at a time, in order, each into the pod as the previous ones left it
/// (docs/semantics.md §4). The result is a description of what to add, for the patch, and the conflicts.
/// </summary>
/// <remarks>Pooled with its request: every list keeps its capacity from one pod to the next.</remarks>
public sealed class PodMerge
{
    private readonly List<ContainerMerge> containers = [];
    private readonly List<ContainerMerge> spareContainers = [];
    private readonly List<Conflict> conflicts = [];

    public PodShape Pod { get; private set; } = new();

    /// <summary>The original containers: those in the request, except any named like a sidecar being applied.</summary>
    public ReadOnlySpan<ContainerMerge> Containers => CollectionsMarshal.AsSpan(containers);

    public MapMerge Labels { get; } = new();
    public MapMerge Annotations { get; } = new();
    public MapMerge NodeSelector { get; } = new();
    public MapMerge SecurityContext { get; } = new();
    public MapMerge Affinity { get; } = new();
    public ListMerge Volumes { get; } = new();
    public ListMerge Tolerations { get; } = new();
    public ListMerge ImagePullSecrets { get; } = new();
    public ListMerge InitContainers { get; } = new();
    public ListMerge Sidecars { get; } = new();

    /// <summary>The last PodDefault that sets it wins, over the pod's own value.</summary>
    public JsonItem? ServiceAccountName { get; private set; }

    public JsonItem? AutomountServiceAccountToken { get; private set; }

    public IReadOnlyList<Conflict> Conflicts => conflicts;

    /// <param name="applying">The PodDefaults to merge, in order.</param>
    /// <param name="matching">
    /// Every PodDefault that selects the pod, including those already applied: a container named like one of
    /// their sidecars was injected by an earlier call and is not an original container.
    /// </param>
    public void Run(ReadOnlySpan<byte> source, PodShape pod, ReadOnlySpan<PodDefault> applying, ReadOnlySpan<PodDefault> matching)
    {
        Reset(pod);
        if (NeedsContainers(applying))
            AddOriginalContainers(source, matching);
        foreach (var podDefault in applying)
            Merge(podDefault, source);
        foreach (var container in containers)
            container.CheckRequestsWithinLimits(source, conflicts);
    }

    private void Merge(PodDefault podDefault, ReadOnlySpan<byte> source)
    {
        var spec = podDefault.Spec;
        foreach (var label in spec.Labels)
            Labels.Merge(label, podDefault, source, conflicts);
        foreach (var annotation in spec.Annotations)
            Annotations.Merge(annotation, podDefault, source, conflicts);
        if (spec.TouchesContainers)
        {
            foreach (var container in containers)
                container.Merge(podDefault, source, conflicts);
        }
        foreach (var volume in spec.Volumes)
            Volumes.MergeKeyed(volume, podDefault, source, conflicts);
        foreach (var toleration in spec.Tolerations)
            Tolerations.MergeUnkeyed(toleration, podDefault, source);
        foreach (var secret in spec.ImagePullSecrets)
            ImagePullSecrets.MergeKeyed(secret, podDefault, source, conflicts);
        foreach (var initContainer in spec.InitContainers)
            InitContainers.MergeKeyed(initContainer, podDefault, source, conflicts);
        foreach (var sidecar in spec.Sidecars)
            Sidecars.MergeKeyed(sidecar, podDefault, source, conflicts);
        foreach (var selector in spec.NodeSelector)
            NodeSelector.Merge(selector, podDefault, source, conflicts);
        foreach (var member in spec.SecurityContext)
            SecurityContext.Merge(member, podDefault, source, conflicts);
        foreach (var member in spec.Affinity)
            Affinity.Merge(member, podDefault, source, conflicts);
        ServiceAccountName = spec.ServiceAccountName ?? ServiceAccountName;
        AutomountServiceAccountToken = spec.AutomountServiceAccountToken ?? AutomountServiceAccountToken;
        Annotations.Overwrite(podDefault.Marker, podDefault);
    }

    /// <summary>Forgets the last pod (its conflicts above all), so a pooled merge reports nothing stale.</summary>
    public void Clear() => Reset(Pod);

    private void Reset(PodShape pod)
    {
        Pod = pod;
        conflicts.Clear();
        spareContainers.AddRange(containers);
        containers.Clear();
        Labels.Reset(pod.Labels, new FieldContext("labels", ValueKind.Json));
        Annotations.Reset(pod.Annotations, new FieldContext("annotations", ValueKind.Json));
        NodeSelector.Reset(pod.NodeSelector, new FieldContext("nodeSelector", ValueKind.Json));
        SecurityContext.Reset(pod.SecurityContext, new FieldContext("securityContext", ValueKind.Json));
        Affinity.Reset(pod.Affinity, new FieldContext("affinity", ValueKind.Json));
        Volumes.Reset(pod.Volumes, new FieldContext("volumes", ValueKind.Json));
        Tolerations.Reset(pod.Tolerations, new FieldContext("tolerations", ValueKind.Json));
        ImagePullSecrets.Reset(pod.ImagePullSecrets, new FieldContext("imagePullSecrets", ValueKind.Json));
        InitContainers.Reset(pod.InitContainers, new FieldContext("initContainers", ValueKind.Container));
        Sidecars.Reset(pod.ContainerItems, new FieldContext("containers", ValueKind.Container));
        ServiceAccountName = AutomountServiceAccountToken = null;
    }

    private static bool NeedsContainers(ReadOnlySpan<PodDefault> applying)
    {
        foreach (var podDefault in applying)
        {
            if (podDefault.Spec.TouchesContainers)
                return true;
        }
        return false;
    }

    private void AddOriginalContainers(ReadOnlySpan<byte> source, ReadOnlySpan<PodDefault> matching)
    {
        var limitRanger = FindLimitRanger(source);
        for (var index = 0; index < Pod.Containers.Count; index++)
        {
            var shape = Pod.Containers[index];
            if (IsSidecarName(shape.Name, source, matching))
                continue; // a sidecar injected by an earlier call
            var container = spareContainers.Count > 0 ? spareContainers[^1] : new ContainerMerge();
            if (spareContainers.Count > 0)
                spareContainers.RemoveAt(spareContainers.Count - 1);
            container.Reset(index, shape, source, limitRanger);
            containers.Add(container);
        }
    }

    private static bool IsSidecarName(JsonString name, ReadOnlySpan<byte> source, ReadOnlySpan<PodDefault> matching)
    {
        foreach (var podDefault in matching)
        {
            foreach (var sidecar in podDefault.Spec.Sidecars)
            {
                if (name.TextEquals(source, sidecar.KeyUtf8))
                    return true;
            }
        }
        return false;
    }

    private LimitRangerAnnotation? FindLimitRanger(ReadOnlySpan<byte> source)
    {
        foreach (var annotation in Pod.Annotations.Items)
        {
            if (annotation.Key.TextEquals(source, "kubernetes.io/limit-ranger"u8))
                return LimitRangerAnnotation.Parse(annotation.Value.AsString(source).ToString(source));
        }
        return null;
    }
}
