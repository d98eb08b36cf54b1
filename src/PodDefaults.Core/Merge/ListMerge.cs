using System.Runtime.InteropServices;
using PodDefaults.Core.Json;
using PodDefaults.Core.Model;
using PodDefaults.Core.Pods;

namespace PodDefaults.Core.Merge;

/// <summary>
/// A list of the pod as the PodDefaults applied so far left it: the pod's own items, then the ones added.
/// Keyed lists (env by name, volumeMounts by mountPath...) report a conflict for a key that holds an item
/// which does not satisfy the wanted one; unkeyed lists (envFrom, tolerations) only avoid duplicates.
/// </summary>
public sealed class ListMerge
{
    /// <summary>Made at the first item added: most containers' envFrom and volumeMounts get none.</summary>
    private List<AddedItem>? added;

    public JsonEntries Existing { get; private set; } = JsonEntries.Empty;

    public ReadOnlySpan<AddedItem> Added => CollectionsMarshal.AsSpan(added);

    public FieldContext At { get; private set; }

    public void Reset(JsonEntries existing, FieldContext at)
    {
        Existing = existing;
        At = at;
        added?.Clear();
    }

    public void MergeKeyed(JsonItem wanted, PodDefault from, ReadOnlySpan<byte> source, List<Conflict> conflicts)
    {
        if (!KeyedEntry.IsPresent(Added, Existing, At, wanted, from, source, conflicts))
            (added ??= []).Add(new AddedItem(wanted, from));
    }

    public void MergeUnkeyed(JsonItem wanted, PodDefault from, ReadOnlySpan<byte> source)
    {
        foreach (var entry in Existing.Items)
        {
            if (JsonSatisfies.Satisfies(entry.Value.In(source), wanted.Value))
                return;
        }
        foreach (var item in Added)
        {
            if (JsonSatisfies.Satisfies(item.Item.Json, wanted.Value))
                return;
        }
        (added ??= []).Add(new AddedItem(wanted, from));
    }
}
