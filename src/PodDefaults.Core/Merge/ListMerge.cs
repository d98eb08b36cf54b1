using System.Runtime.InteropServices;
using PodDefaults.Core.Fields;
using PodDefaults.Core.Json;
using PodDefaults.Core.Model;

namespace PodDefaults.Core.Merge;

/// <summary>
/// A list of the pod as the PodDefaults applied so far left it: the pod's own items, then the ones added.
/// Keyed lists (env by name, volumeMounts by mountPath...) report a conflict for a key that holds an item
/// which does not satisfy the wanted one; unkeyed lists (envFrom, tolerations) only avoid duplicates.
/// </summary>
public sealed class ListMerge(PodDefaultField field) : FieldMerge(field)
{
    /// <summary>Made at the first item added: most containers' envFrom and volumeMounts get none.</summary>
    private List<AddedItem>? added;

    private readonly bool keyed = field.Kind == FieldKind.KeyedList;

    public ReadOnlySpan<AddedItem> Added => CollectionsMarshal.AsSpan(added);

    public override void Merge(PodDefault from, ReadOnlySpan<byte> source, List<Conflict> conflicts)
    {
        foreach (var wanted in from.Spec[Field])
        {
            if (keyed)
                MergeKeyed(wanted, from, source, conflicts);
            else
                MergeUnkeyed(wanted, from, source);
        }
    }

    public override bool Changes(ReadOnlySpan<byte> source) => !Added.IsEmpty;

    protected override void Clear() => added?.Clear();

    private void MergeKeyed(JsonItem wanted, PodDefault from, ReadOnlySpan<byte> source, List<Conflict> conflicts)
    {
        if (!KeyedEntry.IsPresent(Added, Existing, At, wanted, from, source, conflicts))
            (added ??= []).Add(new AddedItem(wanted, from));
    }

    private void MergeUnkeyed(JsonItem wanted, PodDefault from, ReadOnlySpan<byte> source)
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
