using System.Text;
using PodDefaults.Core.Merge;
using PodDefaults.Core.Pods;

namespace PodDefaults.Core.Fields;

/// <summary>
/// One field of a PodDefault's <c>spec</c> that the webhook merges into pods: a row of <see cref="PodDefaultFields"/>.
/// The parser, the pod reader, the merge, the patch and the CRD all read it; nothing else names the field.
/// </summary>
public sealed class PodDefaultField
{
    /// <param name="name">The member of the PodDefault's <c>spec</c>.</param>
    /// <param name="target">Where in the pod it goes.</param>
    /// <param name="kind">How it is read, merged and patched.</param>
    /// <param name="description">The CRD's description of the field.</param>
    public PodDefaultField(string name, FieldTarget target, FieldKind kind, string description)
    {
        Name = name;
        Target = target;
        Kind = kind;
        Description = description;
    }

    public string Name { get; }

    public FieldTarget Target { get; }

    public FieldKind Kind { get; }

    /// <summary>The CRD's description of the field.</summary>
    public string Description { get; }

    /// <summary>The string member that identifies an item of a <see cref="FieldKind.KeyedList"/> (<c>name</c>, <c>mountPath</c>).</summary>
    public string? Key { get; init; }

    /// <summary>The member of the pod (under its target) the field merges into; the field's own name unless said.</summary>
    public string PodMember { get => field ?? Name; init; }

    /// <summary>How a conflicting value may be shown in a message.</summary>
    public ValueKind Shown { get; init; } = ValueKind.Json;

    /// <summary>A container named <c>istio-proxy</c> keeps its own value (its command, args and resources are Istio's).</summary>
    public bool IstioProxyKeepsOwn { get; init; }

    /// <summary>
    /// The Kubernetes type of the field's items (a list) or of the field itself (an object), as the CRD generator
    /// names it (<c>v1/EnvVar</c>); none for strings, booleans and maps of strings.
    /// </summary>
    public string? KubernetesType { get; init; }

    /// <summary>Whether the CRD makes the API server reject two items with one <see cref="Key"/> (a list-type map).</summary>
    /// <remarks>Not for every keyed list: Kubeflow's CRD did not, and objects it accepted must keep validating.</remarks>
    public bool CrdUniqueKeys { get; init; }

    /// <summary>The row's position in <see cref="PodDefaultFields.All"/>.</summary>
    public int Index { get; private set; }

    /// <summary>The row's position among the fields of its level: the pod (metadata, spec) or each container.</summary>
    public int Slot { get; private set; }

    /// <summary>The field's bit in a mask of fields (<see cref="Model.PodDefaultSpec.Fields"/>): <c>1 &lt;&lt; Index</c>.</summary>
    public uint Bit => 1u << Index;

    /// <summary>The bit of <see cref="SpecNeeds"/> that makes the pod reader read the pod's member.</summary>
    public SpecNeeds Need { get; private set; }

    /// <summary>Whether the field goes into each original container (else into the pod).</summary>
    public bool PerContainer => Target == FieldTarget.Container;

    /// <summary>The patch path of the pod's member: absolute for the pod, relative to the container for a container.</summary>
    public byte[] PatchPath { get; private set; } = [];

    internal void Place(int index, int slot)
    {
        Index = index;
        Slot = slot;
        // Bit 0 is SpecNeeds.Containers; metadata is always read.
        Need = Target switch
        {
            FieldTarget.Metadata => SpecNeeds.None,
            FieldTarget.ContainerList => SpecNeeds.Containers,
            _ => (SpecNeeds)(1u << (index + 1)),
        };
        PatchPath = Encoding.UTF8.GetBytes(Target switch
        {
            FieldTarget.Metadata => $"/metadata/{PodMember}",
            FieldTarget.Container => $"/{PodMember}",
            _ => $"/spec/{PodMember}",
        });
    }

    public override string ToString() => Name;
}
