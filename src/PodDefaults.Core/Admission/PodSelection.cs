using System.Runtime.InteropServices;
using PodDefaults.Core.Json;
using PodDefaults.Core.Model;
using PodDefaults.Core.Pods;
using PodDefaults.Core.Selection;

namespace PodDefaults.Core.Admission;

/// <summary>
/// Which PodDefaults a pod gets (docs/semantics.md §2 and §3), chained selection included: the labels of the
/// PodDefaults being applied join the labels selectors see, and passes in name order repeat until nothing new
/// is selected, so that a second call on the result selects nothing more.
/// </summary>
/// <remarks>
/// Pooled with its admission: every list keeps its capacity for the next pod. The namespace's index is the only
/// lookup: a label that joins is looked up like the pod's own, so the namespace is never scanned.
/// </remarks>
public sealed class PodSelection
{
    /// <summary>The candidates not selected yet, in name order.</summary>
    private readonly List<PodDefault> pending = [];
    private readonly List<PodDefault> arrivals = [];
    private readonly List<PodDefault> selected = [];
    private readonly List<PodDefault> applying = [];
    private readonly List<AddedLabel> addedLabels = [];

    /// <summary>Every PodDefault whose selector selected the pod, already applied ones included, in apply order.</summary>
    public IReadOnlyList<PodDefault> Selected => selected;

    /// <summary>The selected PodDefaults whose current version the pod does not carry yet, in apply order.</summary>
    public IReadOnlyList<PodDefault> Applying => applying;

    /// <summary>The labels selection saw besides the pod's own, in the order they joined (the first PodDefault to add a key wins).</summary>
    public ReadOnlySpan<AddedLabel> AddedLabels => CollectionsMarshal.AsSpan(addedLabels);

    /// <summary>How many PodDefaults of the namespace were skipped for an unusable selector (the warnings name them).</summary>
    public int SkippedCount { get; private set; }

    internal ReadOnlySpan<PodDefault> SelectedSpan => CollectionsMarshal.AsSpan(selected);

    internal ReadOnlySpan<PodDefault> ApplyingSpan => CollectionsMarshal.AsSpan(applying);

    /// <summary>The pod opted out, or is a mirror pod (the kubelet's static pods cannot be changed).</summary>
    public static bool IsExcluded(ReadOnlySpan<byte> source, PodShape pod)
    {
        foreach (var annotation in pod.Annotations.Items)
        {
            if (annotation.Key.TextEquals(source, "kubernetes.io/config.mirror"u8))
                return true;
            if (annotation.Key.TextEquals(source, "poddefault.admission.kubeflow.org/exclude"u8)
                && annotation.Value.AsString(source).TextEquals(source, "true"u8))
                return true;
        }
        return false;
    }

    /// <summary>Selects among the PodDefaults of the pod's namespace; those with unusable selectors are named in warnings instead.</summary>
    public void Select(ReadOnlySpan<byte> source, AdmissionRequest request, PodDefaultSnapshot snapshot, List<string> warnings)
    {
        Span<char> name = stackalloc char[256];
        if (!Utf8Chars.TryDecode(request.PodNamespace, source, name, out var ns) || snapshot.Find(ns) is not { } index)
            return;
        var pod = request.Pod;
        SkippedCount = index.Invalid.Count;
        warnings.AddRange(index.SkipWarnings);
        index.AddCandidates(source, pod.Labels, pending);
        pending.Sort(PodDefaultOrder.ByName);
        // A pass in which no label joined would select nothing new: every selector saw the same labels as before.
        while (Pass(source, pod, index))
        {
        }
        selected.Sort(PodDefaultOrder.ByName);
        applying.Sort(PodDefaultOrder.ByName);
    }

    /// <summary>The pod carries the PodDefault's marker with its current resourceVersion.</summary>
    public static bool IsApplied(ReadOnlySpan<byte> source, PodShape pod, PodDefault podDefault)
    {
        foreach (var annotation in pod.Annotations.Items)
        {
            if (annotation.Key.TextEquals(source, podDefault.Marker.KeyUtf8))
                return JsonSatisfies.Satisfies(annotation.Value.In(source), podDefault.Marker.Value);
        }
        return false;
    }

    public void Clear()
    {
        pending.Clear();
        arrivals.Clear();
        selected.Clear();
        applying.Clear();
        addedLabels.Clear();
        SkippedCount = 0;
    }

    /// <summary>
    /// One pass over the pending candidates in name order, each judged on the labels as they stand when its turn
    /// comes. Returns whether a label joined.
    /// </summary>
    private bool Pass(ReadOnlySpan<byte> source, PodShape pod, NamespaceIndex index)
    {
        var joined = false;
        // The candidates left pending are moved down to [0, kept); [kept, next] is free space.
        var kept = 0;
        for (var next = 0; next < pending.Count; next++)
        {
            var candidate = pending[next];
            if (!SelectorMatcher.Matches(candidate.Selector.Selector!, source, pod.Labels, AddedLabels))
            {
                pending[kept++] = candidate;
                continue;
            }
            selected.Add(candidate);
            // An applied PodDefault's labels count only as far as the pod still carries them: it adds nothing now.
            if (IsApplied(source, pod, candidate))
                continue;
            applying.Add(candidate);
            foreach (var label in candidate.InjectedLabels)
            {
                if (HasKey(source, pod.Labels, label.KeyUtf8) || HasKey(AddedLabels, label.KeyUtf8))
                    continue; // the pod's own value, or the first PodDefault's, is what selectors see; merge reports a difference
                addedLabels.Add(new AddedLabel(label, candidate));
                joined = true;
                arrivals.Clear();
                index.AddCandidates(label, arrivals);
                foreach (var arrival in arrivals)
                {
                    // A candidate that sorts after this one has its turn later in this pass; one before, in the next pass.
                    if (string.CompareOrdinal(arrival.Name, candidate.Name) > 0)
                    {
                        pending.Insert(InsertionPoint(next + 1, pending.Count, arrival), arrival);
                    }
                    else
                    {
                        pending.Insert(InsertionPoint(0, kept, arrival), arrival);
                        kept++;
                        next++;
                    }
                }
            }
        }
        pending.RemoveRange(kept, pending.Count - kept);
        return joined;
    }

    private int InsertionPoint(int start, int end, PodDefault podDefault)
    {
        var found = pending.BinarySearch(start, end - start, podDefault, PodDefaultOrder.Comparer);
        return found >= 0 ? found : ~found;
    }

    private static bool HasKey(ReadOnlySpan<byte> source, JsonEntries labels, ReadOnlySpan<byte> key)
    {
        foreach (var label in labels.Items)
        {
            if (label.Key.TextEquals(source, key))
                return true;
        }
        return false;
    }

    private static bool HasKey(ReadOnlySpan<AddedLabel> labels, ReadOnlySpan<byte> key)
    {
        foreach (var label in labels)
        {
            if (key.SequenceEqual(label.Label.KeyUtf8))
                return true;
        }
        return false;
    }
}
