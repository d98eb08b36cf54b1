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

    public bool HasMetadata { get; set; }
    public JsonString Name { get; set; } = JsonString.None;
    public JsonString GenerateName { get; set; } = JsonString.None;
    public JsonString Namespace { get; set; } = JsonString.None;
    public JsonEntries Labels { get; } = new();
    public JsonEntries Annotations { get; } = new();

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
    public JsonEntries ContainerItems { get; } = new();
    public JsonEntries InitContainers { get; } = new();
    public JsonEntries Volumes { get; } = new();
    public JsonEntries Tolerations { get; } = new();
    public JsonEntries ImagePullSecrets { get; } = new();
    public JsonEntries NodeSelector { get; } = new();
    public JsonEntries SecurityContext { get; } = new();
    public JsonEntries Affinity { get; } = new();
    public JsonRange ServiceAccountName { get; set; } = JsonRange.None;
    public JsonRange AutomountServiceAccountToken { get; set; } = JsonRange.None;

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
        Labels.Reset();
        Annotations.Reset();
        foreach (var container in containers)
        {
            container.Reset();
            spareContainers.Add(container);
        }
        containers.Clear();
        ContainerItems.Reset();
        InitContainers.Reset();
        Volumes.Reset();
        Tolerations.Reset();
        ImagePullSecrets.Reset();
        NodeSelector.Reset();
        SecurityContext.Reset();
        Affinity.Reset();
        ServiceAccountName = AutomountServiceAccountToken = SpecRange = JsonRange.None;
        SpecDepth = 0;
    }
}
