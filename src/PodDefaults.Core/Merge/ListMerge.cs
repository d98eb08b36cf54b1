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
    private readonly List<AddedItem> added = [];

    public JsonEntries Existing { get; private set; } = new();

    public ReadOnlySpan<AddedItem> Added => CollectionsMarshal.AsSpan(added);

    public FieldContext At { get; private set; }

    public void Reset(JsonEntries existing, FieldContext at)
    {
        Existing = existing;
        At = at;
        added.Clear();
    }

    public void MergeKeyed(JsonItem wanted, PodDefault from, ReadOnlySpan<byte> source, List<Conflict> conflicts)
    {
        foreach (var entry in Existing.Items)
        {
            if (!entry.Key.TextEquals(source, wanted.KeyUtf8))
                continue;
            var existing = entry.Value.In(source);
            if (!JsonSatisfies.Satisfies(existing, wanted.Value))
                conflicts.Add(Conflict.Differs(At, wanted.Key, source, Describe(existing), null, Describe(wanted.Json), from.Name));
            return;
        }
        foreach (var item in added)
        {
            if (!item.Item.KeyUtf8.AsSpan().SequenceEqual(wanted.KeyUtf8))
                continue;
            if (!JsonSatisfies.Satisfies(item.Item.Json, wanted.Value))
                conflicts.Add(Conflict.Differs(At, wanted.Key, source, Describe(item.Item.Json), item.From.Name, Describe(wanted.Json), from.Name));
            return;
        }
        added.Add(new AddedItem(wanted, from));
    }

    public void MergeUnkeyed(JsonItem wanted, PodDefault from, ReadOnlySpan<byte> source)
    {
        foreach (var entry in Existing.Items)
        {
            if (JsonSatisfies.Satisfies(entry.Value.In(source), wanted.Value))
                return;
        }
        foreach (var item in added)
        {
            if (JsonSatisfies.Satisfies(item.Item.Json, wanted.Value))
                return;
        }
        added.Add(new AddedItem(wanted, from));
    }

    private string Describe(ReadOnlySpan<byte> json) => ValueDescription.Describe(At.Kind, json);
}
