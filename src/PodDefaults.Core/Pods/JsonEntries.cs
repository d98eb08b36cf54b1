using System.Runtime.InteropServices;
using PodDefaults.Core.Json;

namespace PodDefaults.Core.Pods;

/// <summary>A list or map of the pod: whether it is there at all, and its entries in order.</summary>
public sealed class JsonEntries
{
    /// <summary>Up to this many entries, a new key is compared with each; past it, a set of the keys is kept.</summary>
    private const int LinearKeyLimit = 32;

    /// <summary>Made at the first entry: a pod with 100,000 containers has half a million lists, most of them absent.</summary>
    private List<JsonEntry>? items;
    private HashSet<string>? keySet;

    /// <summary>Absent and never filled: what an unread list or a merge not yet reset stands for.</summary>
    public static JsonEntries Empty { get; } = new() { frozen = true };

    private bool frozen;
    private bool present;

    /// <summary>The member exists and is not <c>null</c> (an empty list is present).</summary>
    public bool Present
    {
        get => present;
        set
        {
            ThrowIfFrozen();
            present = value;
        }
    }

    /// <summary>The entries, as a span: iterating an interface would allocate an enumerator per loop.</summary>
    public ReadOnlySpan<JsonEntry> Items => CollectionsMarshal.AsSpan(items);

    public int Count => items?.Count ?? 0;

    public void Add(JsonEntry entry)
    {
        ThrowIfFrozen();
        (items ??= []).Add(entry);
    }

    private void ThrowIfFrozen()
    {
        if (frozen)
            throw new InvalidOperationException("the shared empty entries are never filled: fill the container's own list");
    }

    /// <summary>
    /// Whether an entry already has this key's text (escapes resolved). Pods' maps are small, so the usual case
    /// compares spans without allocating; a huge map switches to a set, so that no map costs quadratic time.
    /// </summary>
    public bool ContainsKey(ReadOnlySpan<byte> source, JsonString key)
    {
        if (Count < LinearKeyLimit)
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
        present = false;
        items?.Clear();
        keySet?.Clear();
    }
}
