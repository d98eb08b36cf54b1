using System.Runtime.InteropServices;
using PodDefaults.Core.Json;

namespace PodDefaults.Core.Pods;

/// <summary>A list or map of the pod: whether it is there at all, and its entries in order.</summary>
public sealed class JsonEntries
{
    /// <summary>Up to this many entries, a new key is compared with each; past it, a set of the keys is kept.</summary>
    private const int LinearKeyLimit = 32;

    private readonly List<JsonEntry> items = [];
    private HashSet<string>? keySet;

    /// <summary>The member exists and is not <c>null</c> (an empty list is present).</summary>
    public bool Present { get; set; }

    /// <summary>The entries, as a span: iterating an interface would allocate an enumerator per loop.</summary>
    public ReadOnlySpan<JsonEntry> Items => CollectionsMarshal.AsSpan(items);

    public int Count => items.Count;

    public void Add(JsonEntry entry) => items.Add(entry);

    /// <summary>
    /// Whether an entry already has this key's text (escapes resolved). Pods' maps are small, so the usual case
    /// compares spans without allocating; a huge map switches to a set, so that no map costs quadratic time.
    /// </summary>
    public bool ContainsKey(ReadOnlySpan<byte> source, JsonString key)
    {
        if (items.Count < LinearKeyLimit)
        {
            foreach (var entry in Items)
            {
                if (JsonTextEquality.Equal(source, entry.Key, key))
                    return true;
            }
            return false;
        }
        if (keySet is null || keySet.Count == 0)
        {
            keySet ??= new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in Items)
                keySet.Add(entry.Key.ToString(source));
        }
        return !keySet.Add(key.ToString(source));
    }

    public void Reset()
    {
        Present = false;
        items.Clear();
        keySet?.Clear();
    }
}
