using System.Collections.Immutable;
using PodDefaults.Core.Fields;
using PodDefaults.Core.Pods;

namespace PodDefaults.Core.Model;

/// <summary>What a PodDefault adds to a pod (docs/semantics.md §1), each item ready to compare and to write.</summary>
/// <remarks>Immutable arrays: the merge iterates them on every admission, and their enumerator allocates nothing.</remarks>
public sealed class PodDefaultSpec
{
    public static readonly PodDefaultSpec Empty = new([.. PodDefaultFields.All.Select(_ => ImmutableArray<JsonItem>.Empty)], [], []);

    private readonly ImmutableArray<JsonItem>[] items;

    /// <param name="items">Each field's items by <see cref="PodDefaultField.Index"/> (none for a field not set; one for a scalar).</param>
    /// <param name="limits">The <see cref="FieldKind.Resources"/> field's <c>limits</c>.</param>
    /// <param name="requests">The <see cref="FieldKind.Resources"/> field's <c>requests</c>.</param>
    internal PodDefaultSpec(ImmutableArray<JsonItem>[] items, ImmutableArray<QuantityItem> limits, ImmutableArray<QuantityItem> requests)
    {
        this.items = items;
        Limits = limits;
        Requests = requests;
        var set = PodDefaultFields.All.Where(field => field.Kind == FieldKind.Resources ? limits.Length + requests.Length > 0 : items[field.Index].Length > 0).ToArray();
        Fields = set.Aggregate(0u, (mask, field) => mask | field.Bit);
        Needs = SpecNeedsOf.Fields(set);
        TouchesContainers = set.Any(field => field.PerContainer);
    }

    /// <summary>The field's items: list items, map entries, object members, or the one value of a scalar.</summary>
    public ImmutableArray<JsonItem> this[PodDefaultField field] => items[field.Index];

    public ImmutableArray<QuantityItem> Limits { get; }

    public ImmutableArray<QuantityItem> Requests { get; }

    /// <summary>The fields the PodDefault sets, as a mask of <see cref="PodDefaultField.Bit"/>.</summary>
    public uint Fields { get; }

    /// <summary>What merging this PodDefault reads of a pod's spec.</summary>
    public SpecNeeds Needs { get; }

    /// <summary>Whether the PodDefault writes anything into the original containers.</summary>
    public bool TouchesContainers { get; }

    /// <summary>Whether the PodDefault sets the field.</summary>
    public bool Sets(PodDefaultField field) => (Fields & field.Bit) != 0;
}
