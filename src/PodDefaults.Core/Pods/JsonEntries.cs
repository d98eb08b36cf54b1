using System.Runtime.InteropServices;

namespace PodDefaults.Core.Pods;

/// <summary>A list or map of the pod: whether it is there at all, and its entries in order.</summary>
public sealed class JsonEntries
{
    private readonly List<JsonEntry> items = [];

    /// <summary>The member exists and is not <c>null</c> (an empty list is present).</summary>
    public bool Present { get; set; }

    /// <summary>The entries, as a span: iterating an interface would allocate an enumerator per loop.</summary>
    public ReadOnlySpan<JsonEntry> Items => CollectionsMarshal.AsSpan(items);

    public int Count => items.Count;

    public void Add(JsonEntry entry) => items.Add(entry);

    public void Reset()
    {
        Present = false;
        items.Clear();
    }
}
