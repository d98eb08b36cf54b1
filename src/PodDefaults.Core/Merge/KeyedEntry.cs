using PodDefaults.Core.Json;
using PodDefaults.Core.Model;
using PodDefaults.Core.Pods;

namespace PodDefaults.Core.Merge;

/// <summary>
/// The rule lists keyed by name and maps share: a key an earlier PodDefault set, else one the pod holds, must
/// satisfy the wanted value, or the two conflict. Earlier PodDefaults come first because a marker annotation
/// overwrites the pod's own value.
/// </summary>
internal static class KeyedEntry
{
    /// <summary>True when the key is already there (with a conflict recorded if its value does not satisfy).</summary>
    public static bool IsPresent(ReadOnlySpan<AddedItem> added, JsonEntries existing, FieldContext at, JsonItem wanted,
        PodDefault from, ReadOnlySpan<byte> source, List<Conflict> conflicts)
    {
        foreach (var item in added)
        {
            if (!item.Item.KeyUtf8.AsSpan().SequenceEqual(wanted.KeyUtf8))
                continue;
            if (!JsonSatisfies.Satisfies(item.Item.Json, wanted.Value))
                conflicts.Add(Conflict.Differs(at, wanted.Key, source, Describe(at, item.Item.Json), item.From.Name, Describe(at, wanted.Json), from.Name));
            return true;
        }
        foreach (var entry in existing.Items)
        {
            if (!entry.Key.TextEquals(source, wanted.KeyUtf8))
                continue;
            var value = entry.Value.In(source);
            if (!JsonSatisfies.Satisfies(value, wanted.Value))
                conflicts.Add(Conflict.Differs(at, wanted.Key, source, Describe(at, value), null, Describe(at, wanted.Json), from.Name));
            return true;
        }
        return false;
    }

    private static string Describe(FieldContext at, ReadOnlySpan<byte> json) => ValueDescription.Describe(at.Kind, json);
}
