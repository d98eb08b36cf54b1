using PodDefaults.Core.Json;
using PodDefaults.Core.Model;
using PodDefaults.Core.Pods;
using PodDefaults.Core.Selection;

namespace PodDefaults.Core.Admission;

/// <summary>Which PodDefaults a pod gets (SEMANTICS.md sections 2 and 3).</summary>
public static class PodSelection
{
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

    /// <summary>
    /// Fills <paramref name="matching"/> with the PodDefaults of the pod's namespace whose selector matches, and
    /// <paramref name="applying"/> with those of them whose current version the pod does not carry yet, both in
    /// apply order. Unusable selectors add a warning instead.
    /// </summary>
    public static void Select(ReadOnlySpan<byte> source, AdmissionRequest request, PodDefaultSnapshot snapshot,
        List<PodDefault> candidates, List<PodDefault> matching, List<PodDefault> applying, List<string> warnings)
    {
        Span<char> name = stackalloc char[256];
        if (!Utf8Chars.TryDecode(request.PodNamespace, source, name, out var ns) || snapshot.Find(ns) is not { } index)
            return;
        var pod = request.Pod;
        index.AddCandidates(source, pod.Labels, candidates);
        foreach (var candidate in candidates)
        {
            if (candidate.Selector.Selector is not { } selector)
                warnings.Add(candidate.SelectorWarning!);
            else if (SelectorMatcher.Matches(selector, source, pod.Labels))
                matching.Add(candidate);
        }
        matching.Sort(PodDefaultOrder.ByName);
        foreach (var podDefault in matching)
        {
            if (!IsApplied(source, pod, podDefault))
                applying.Add(podDefault);
        }
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
}
