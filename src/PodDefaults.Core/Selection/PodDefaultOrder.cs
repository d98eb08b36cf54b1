using PodDefaults.Core.Model;

namespace PodDefaults.Core.Selection;

/// <summary>The order PodDefaults apply in: by name, ordinal (byte-wise) ascending, never culture-aware.</summary>
public static class PodDefaultOrder
{
    public static readonly Comparison<PodDefault> ByName = static (a, b) => string.CompareOrdinal(a.Name, b.Name);

    /// <summary>The same order for binary searches, which take a comparer.</summary>
    public static readonly IComparer<PodDefault> Comparer = Comparer<PodDefault>.Create(ByName);
}
