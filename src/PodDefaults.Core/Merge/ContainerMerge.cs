using PodDefaults.Core.Fields;
using PodDefaults.Core.Model;
using PodDefaults.Core.Pods;

namespace PodDefaults.Core.Merge;

/// <summary>
/// One original container of the pod as the PodDefaults applied so far left it: each per-container field of
/// <see cref="PodDefaultFields"/> (env, envFrom, volumeMounts, command, args, resources).
/// </summary>
public sealed class ContainerMerge
{
    /// <summary>
    /// By <see cref="PodDefaultField.Slot"/>, which is also the order they merge and patch in. A field's merge is
    /// made the first time a PodDefault being applied sets it: a pod may have 100,000 containers.
    /// </summary>
    private readonly FieldMerge?[] fields = new FieldMerge?[PodDefaultFields.OfContainer.Length];

    public int Index { get; private set; }
    public ContainerShape Shape { get; private set; } = ContainerShape.Empty;

    /// <summary>Istio's proxy keeps its own command, args and resources (<see cref="PodDefaultField.IstioProxyKeepsOwn"/>).</summary>
    public bool IsIstioProxy { get; private set; }

    /// <summary>The merges of the fields, by slot; none for a field no PodDefault of this pod or an earlier one set.</summary>
    public ReadOnlySpan<FieldMerge?> Fields => fields;

    /// <param name="needs">What the PodDefaults being applied set (<see cref="Pods.SpecNeedsOf"/>).</param>
    public void Reset(int index, ContainerShape shape, ReadOnlySpan<byte> source, LimitRangerAnnotation? limitRanger, SpecNeeds needs)
    {
        Index = index;
        Shape = shape;
        IsIstioProxy = shape.Name.TextEquals(source, "istio-proxy"u8);
        foreach (var field in PodDefaultFields.OfContainer)
        {
            if ((needs & field.Need) != 0)
                fields[field.Slot] ??= FieldMerge.For(field);
            fields[field.Slot]?.Reset(shape.Field(field), shape.Name, shape, limitRanger);
        }
    }

    public void Merge(PodDefault podDefault, ReadOnlySpan<byte> source, List<Conflict> conflicts)
    {
        foreach (var field in fields)
        {
            if (field is not null && podDefault.Spec.Sets(field.Field) && !(IsIstioProxy && field.Field.IstioProxyKeepsOwn))
                field.Merge(podDefault, source, conflicts);
        }
    }

    /// <summary>After every PodDefault: the checks of each field (no request above its limit).</summary>
    public void Finish(ReadOnlySpan<byte> source, List<Conflict> conflicts)
    {
        foreach (var field in fields)
            field?.Finish(source, conflicts);
    }
}
