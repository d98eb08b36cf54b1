using System.Runtime.InteropServices;
using PodDefaults.Core.Fields;
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
    private readonly FieldMerge[] fields = [.. PodDefaultFields.OfPod.Select(FieldMerge.For)];
    private readonly FieldMerge[] metadataFields;
    private readonly FieldMerge[] specFields;

    /// <summary>The pod's fields in <see cref="PodDefaultFields.InMergeOrder"/>: metadata's before the containers', the spec's after.</summary>
    private readonly FieldMerge[] mergedBeforeContainers;
    private readonly FieldMerge[] mergedAfterContainers;

    public PodMerge()
    {
        Annotations = (MapMerge)this[PodDefaultFields.Annotations];
        metadataFields = [.. fields.Where(field => field.Field.Target == FieldTarget.Metadata)];
        specFields = [.. fields.Where(field => field.Field.Target != FieldTarget.Metadata)];
        mergedBeforeContainers = [.. PodDefaultFields.InMergeOrder.Where(field => field.Target == FieldTarget.Metadata).Select(field => this[field])];
        mergedAfterContainers = [.. PodDefaultFields.InMergeOrder.Where(field => field.Target is FieldTarget.Spec or FieldTarget.ContainerList)
            .Select(field => this[field])];
    }

    public PodShape Pod { get; private set; } = new();

    /// <summary>The original containers: those in the request, except any named like a sidecar being applied.</summary>
    public ReadOnlySpan<ContainerMerge> Containers => CollectionsMarshal.AsSpan(containers);

    /// <summary>The fields of the pod (not of each container), by <see cref="PodDefaultField.Slot"/>: the order they patch in.</summary>
    public ReadOnlySpan<FieldMerge> Fields => fields;

    public FieldMerge this[PodDefaultField field] => fields[field.Slot];

    /// <summary>The fields of the pod's metadata, in patch order.</summary>
    public ReadOnlySpan<FieldMerge> MetadataFields => metadataFields;

    /// <summary>The fields of the pod's spec (its containers list, then the rest), in patch order.</summary>
    public ReadOnlySpan<FieldMerge> SpecFields => specFields;

    /// <summary>The pod's annotations, where the markers go.</summary>
    public MapMerge Annotations { get; }

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
            AddOriginalContainers(source, matching, SpecNeedsOf.PodDefaults(applying));
        foreach (var podDefault in applying)
            Merge(podDefault, source);
        foreach (var container in containers)
            container.Finish(source, conflicts);
    }

    private void Merge(PodDefault podDefault, ReadOnlySpan<byte> source)
    {
        var spec = podDefault.Spec;
        foreach (var field in mergedBeforeContainers)
        {
            if (spec.Sets(field.Field))
                field.Merge(podDefault, source, conflicts);
        }
        if (spec.TouchesContainers)
        {
            foreach (var container in containers)
                container.Merge(podDefault, source, conflicts);
        }
        foreach (var field in mergedAfterContainers)
        {
            if (spec.Sets(field.Field))
                field.Merge(podDefault, source, conflicts);
        }
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
        foreach (var field in fields)
            field.Reset(pod.Field(field.Field), JsonString.None, ContainerShape.Empty, null);
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

    private void AddOriginalContainers(ReadOnlySpan<byte> source, ReadOnlySpan<PodDefault> matching, SpecNeeds needs)
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
            container.Reset(index, shape, source, limitRanger, needs);
            containers.Add(container);
        }
    }

    private static bool IsSidecarName(JsonString name, ReadOnlySpan<byte> source, ReadOnlySpan<PodDefault> matching)
    {
        foreach (var podDefault in matching)
        {
            foreach (var sidecar in podDefault.Spec[PodDefaultFields.Sidecars])
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
