using System.Runtime.InteropServices;
using PodDefaults.Core.Fields;
using PodDefaults.Core.Model;

namespace PodDefaults.Core.Merge;

/// <summary>
/// A map of the pod (labels, annotations, nodeSelector) or an object merged member by member
/// (securityContext, affinity): a key the pod or an earlier PodDefault holds must be satisfied, else it conflicts.
/// </summary>
public sealed class MapMerge(PodDefaultField field) : FieldMerge(field)
{
    private readonly List<AddedItem> set = [];

    /// <summary>The members to write, each key once.</summary>
    public ReadOnlySpan<AddedItem> Set => CollectionsMarshal.AsSpan(set);

    public override void Merge(PodDefault from, ReadOnlySpan<byte> source, List<Conflict> conflicts)
    {
        foreach (var wanted in from.Spec[Field])
        {
            if (!KeyedEntry.IsPresent(Set, Existing, At, wanted, from, source, conflicts))
                set.Add(new AddedItem(wanted, from));
        }
    }

    /// <summary>Sets the key whatever it holds (the marker annotations, which always take the current version).</summary>
    public void Overwrite(JsonItem item, PodDefault from)
    {
        for (var i = set.Count - 1; i >= 0; i--)
        {
            if (set[i].Item.KeyUtf8.AsSpan().SequenceEqual(item.KeyUtf8))
                set.RemoveAt(i);
        }
        set.Add(new AddedItem(item, from));
    }

    public override bool Changes(ReadOnlySpan<byte> source) => !Set.IsEmpty;

    protected override void Clear() => set.Clear();
}
