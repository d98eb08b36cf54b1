using PodDefaults.Core.Fields;
using PodDefaults.Core.Model;

namespace PodDefaults.Core.Pods;

/// <summary>
/// The parts of a pod's spec that the PodDefaults being applied touch: only those are read. Bit 0 is the
/// containers; every other bit is a field's (<see cref="PodDefaultField.Need"/>).
/// </summary>
[Flags]
public enum SpecNeeds : uint
{
    None = 0,

    /// <summary>The containers' names and positions (patch paths, sidecars already there).</summary>
    Containers = 1 << 0,

    All = uint.MaxValue,
}

public static class SpecNeedsOf
{
    /// <summary>What merging <paramref name="applying"/> into a pod reads of its spec.</summary>
    public static SpecNeeds PodDefaults(ReadOnlySpan<PodDefault> applying)
    {
        var needs = SpecNeeds.None;
        foreach (var podDefault in applying)
            needs |= podDefault.Spec.Needs;
        return needs;
    }

    /// <summary>What merging a PodDefault that sets these fields reads of a pod's spec.</summary>
    internal static SpecNeeds Fields(IEnumerable<PodDefaultField> set)
    {
        var needs = SpecNeeds.None;
        foreach (var field in set)
            needs |= field.Need | (field.PerContainer ? SpecNeeds.Containers : SpecNeeds.None);
        return needs;
    }
}
