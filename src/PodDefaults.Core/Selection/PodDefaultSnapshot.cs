using PodDefaults.Core.Model;

namespace PodDefaults.Core.Selection;

/// <summary>
/// An immutable view of every PodDefault, by namespace. Sources derive a new snapshot for each change and
/// publish it with one reference write (<see cref="SnapshotHolder"/>); admissions read whichever snapshot is
/// current when they start and never lock.
/// </summary>
public sealed class PodDefaultSnapshot
{
    public static readonly PodDefaultSnapshot Empty = new(new Dictionary<string, NamespaceIndex>(StringComparer.Ordinal), 0, 0);

    private readonly Dictionary<string, NamespaceIndex> namespaces;

    private PodDefaultSnapshot(Dictionary<string, NamespaceIndex> namespaces, long generation, int count)
    {
        this.namespaces = namespaces;
        Generation = generation;
        Count = count;
    }

    /// <summary>Increases by one with every derived snapshot; tells SREs (and tests) which state is served.</summary>
    public long Generation { get; }

    /// <summary>Number of PodDefaults, in all namespaces.</summary>
    public int Count { get; }

    public IEnumerable<NamespaceIndex> Namespaces => namespaces.Values;

    /// <summary>Builds a snapshot of exactly these PodDefaults; of two with the same namespace and name, the later wins.</summary>
    public PodDefaultSnapshot ReplaceAll(IEnumerable<PodDefault> podDefaults)
    {
        var byNamespace = podDefaults
            .GroupBy(pd => pd.Namespace, StringComparer.Ordinal)
            .ToDictionary(
                group => group.Key,
                group => new NamespaceIndex(group.Key, LastByName(group)),
                StringComparer.Ordinal);
        return new PodDefaultSnapshot(byNamespace, Generation + 1, byNamespace.Values.Sum(ns => ns.All.Count));
    }

    /// <summary>This snapshot with one namespace's PodDefaults replaced (an empty list removes the namespace).</summary>
    public PodDefaultSnapshot WithNamespace(string @namespace, IEnumerable<PodDefault> podDefaults) =>
        Replaced(@namespace, LastByName(podDefaults));

    /// <summary>This snapshot with one PodDefault added or replaced.</summary>
    public PodDefaultSnapshot With(PodDefault podDefault) =>
        Replaced(podDefault.Namespace, [.. InNamespace(podDefault.Namespace).Where(pd => pd.Name != podDefault.Name), podDefault]);

    /// <summary>This snapshot without the named PodDefault (the same snapshot when it is not there).</summary>
    public PodDefaultSnapshot Without(string @namespace, string name)
    {
        var current = InNamespace(@namespace);
        return current.Any(pd => pd.Name == name)
            ? Replaced(@namespace, current.Where(pd => pd.Name != name))
            : this;
    }

    public IReadOnlyList<PodDefault> InNamespace(string @namespace) =>
        namespaces.TryGetValue(@namespace, out var index) ? index.All : [];

    /// <summary>The namespace's index, looked up without allocating a string for the name.</summary>
    public NamespaceIndex? Find(ReadOnlySpan<char> @namespace) =>
        namespaces.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(@namespace, out var index) ? index : null;

    /// <summary>One namespace replaced by PodDefaults whose names are already distinct (a watch event's path: no grouping).</summary>
    private PodDefaultSnapshot Replaced(string @namespace, IEnumerable<PodDefault> distinctByName)
    {
        var copy = new Dictionary<string, NamespaceIndex>(namespaces, StringComparer.Ordinal);
        var count = Count - (namespaces.TryGetValue(@namespace, out var old) ? old.All.Count : 0);
        var index = new NamespaceIndex(@namespace, distinctByName);
        if (index.All.Count == 0)
            copy.Remove(@namespace);
        else
            copy[@namespace] = index;
        return new PodDefaultSnapshot(copy, Generation + 1, count + index.All.Count);
    }

    private static IEnumerable<PodDefault> LastByName(IEnumerable<PodDefault> podDefaults) =>
        podDefaults.GroupBy(pd => pd.Name, StringComparer.Ordinal).Select(byName => byName.Last());
}
