using System.Runtime.InteropServices;
using PodDefaults.Core.Model;
using PodDefaults.Core.Pods;

namespace PodDefaults.Core.Merge;

/// <summary>
/// A map of the pod (labels, annotations, nodeSelector) or an object merged member by member
/// (securityContext, affinity): a key the pod or an earlier PodDefault holds must be satisfied, else it conflicts.
/// </summary>
public sealed class MapMerge
{
    private readonly List<AddedItem> set = [];

    public JsonEntries Existing { get; private set; } = JsonEntries.Empty;

    /// <summary>The members to write, each key once.</summary>
    public ReadOnlySpan<AddedItem> Set => CollectionsMarshal.AsSpan(set);

    public FieldContext At { get; private set; }

    public void Reset(JsonEntries existing, FieldContext at)
    {
        Existing = existing;
        At = at;
        set.Clear();
    }

    public void Merge(JsonItem wanted, PodDefault from, ReadOnlySpan<byte> source, List<Conflict> conflicts)
    {
        if (!KeyedEntry.IsPresent(Set, Existing, At, wanted, from, source, conflicts))
            set.Add(new AddedItem(wanted, from));
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
}
