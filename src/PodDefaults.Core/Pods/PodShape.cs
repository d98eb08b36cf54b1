using System.Diagnostics;
using PodDefaults.Core.Fields;
using PodDefaults.Core.Json;

namespace PodDefaults.Core.Pods;

/// <summary>
/// The parts of a pod the webhook reads, as positions in the request buffer. The pod itself is never
/// re-serialized: whatever the shape does not mention passes through untouched.
/// </summary>
/// <remarks>Pooled with its request; <see cref="Reset"/> keeps the lists' capacity for the next pod.</remarks>
public sealed class PodShape
{
    private readonly List<ContainerShape> containers = [];
    private readonly List<ContainerShape> spareContainers = [];

    /// <summary>The pod's value of each field of <see cref="PodDefaultFields.OfPod"/>, by slot (a scalar as one entry).</summary>
    private readonly JsonEntries[] fields = [.. PodDefaultFields.OfPod.Select(_ => new JsonEntries())];

    public bool HasMetadata { get; set; }
    public JsonString Name { get; set; } = JsonString.None;
    public JsonString GenerateName { get; set; } = JsonString.None;
    public JsonString Namespace { get; set; } = JsonString.None;
    public JsonEntries Labels { get; }
    public JsonEntries Annotations { get; }

    public bool HasSpec { get; set; }

    /// <summary>Where <c>spec</c> is, read only when a PodDefault is applied (<see cref="JsonRange.None"/> when absent or null).</summary>
    public JsonRange SpecRange { get; private set; } = JsonRange.None;

    /// <summary>The spec was read in the first pass, with the needs the <see cref="Planner"/> gave: not to be read again.</summary>
    public bool SpecRead { get; private set; }

    /// <summary>Decides what of the spec to read when the reader reaches it (kept across <see cref="Reset"/>); none: the spec waits.</summary>
    internal ISpecPlanner? Planner { get; set; }

    /// <summary>How deep the spec's object starts, for the nesting limit.</summary>
    public int SpecDepth { get; private set; }
    public bool HasContainers { get; set; }
    public IReadOnlyList<ContainerShape> Containers => containers;

    /// <summary>The same containers as whole items keyed by name, for sidecars to compare against.</summary>
    public JsonEntries ContainerItems { get; }

    public PodShape()
    {
        Labels = Field(PodDefaultFields.Labels);
        Annotations = Field(PodDefaultFields.Annotations);
        ContainerItems = Field(PodDefaultFields.Sidecars);
    }

    /// <summary>The pod's own value of a field of the pod (not of each container: see <see cref="ContainerShape.Field"/>).</summary>
    public JsonEntries Field(PodDefaultField field)
    {
        Debug.Assert(!field.PerContainer, $"{field} is per container");
        return fields[field.Slot];
    }

    public void DeferSpec(JsonRange range, int depth)
    {
        HasSpec = range.IsPresent;
        SpecRange = range;
        SpecDepth = depth;
    }

    public void SpecReadAt(JsonRange range, int depth)
    {
        DeferSpec(range, depth);
        SpecRead = true;
    }

    public ContainerShape AddContainer()
    {
        ContainerShape container;
        if (spareContainers.Count > 0)
        {
            container = spareContainers[^1];
            spareContainers.RemoveAt(spareContainers.Count - 1);
        }
        else
        {
            container = new ContainerShape();
        }
        containers.Add(container);
        return container;
    }

    public void Reset()
    {
        HasMetadata = HasSpec = HasContainers = SpecRead = false;
        Name = GenerateName = Namespace = JsonString.None;
        foreach (var container in containers)
        {
            container.Reset();
            spareContainers.Add(container);
        }
        containers.Clear();
        foreach (var entries in fields)
            entries.Reset();
        SpecRange = JsonRange.None;
        SpecDepth = 0;
    }
}
