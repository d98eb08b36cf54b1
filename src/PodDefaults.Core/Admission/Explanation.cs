using PodDefaults.Core.Model;
using PodDefaults.Core.Selection;

namespace PodDefaults.Core.Admission;

/// <summary>
/// Why each PodDefault of the pod's namespace does or does not apply, for <c>poddefaults explain</c>. The engine
/// decides; this only gives reasons: what it selected and applied, and the labels chained selection added, come
/// from the <see cref="Admission"/>, and every other PodDefault is explained with the same selector check the
/// engine used, on the same labels.
/// </summary>
public sealed class Explanation
{
    private Explanation(string @namespace, string podName, AdmissionOutcome outcome, int patchOperations, bool onlyMarkers, IReadOnlyList<PodDefaultVerdict> verdicts)
    {
        OnlyMarkersChange = onlyMarkers;
        Namespace = @namespace;
        PodName = podName;
        Outcome = outcome;
        PatchOperationCount = patchOperations;
        Verdicts = verdicts;
    }

    public string Namespace { get; }

    /// <summary>The pod's name, or its generateName when it has none yet.</summary>
    public string PodName { get; }

    public AdmissionOutcome Outcome { get; }

    public int PatchOperationCount { get; }

    /// <summary>The patch would only move marker annotations: the pod already has everything its PodDefaults set.</summary>
    public bool OnlyMarkersChange { get; }

    /// <summary>One verdict per PodDefault of the namespace, in apply order.</summary>
    public IReadOnlyList<PodDefaultVerdict> Verdicts { get; }

    /// <param name="review">The AdmissionReview exactly as given to <see cref="AdmissionEngine.Review"/>.</param>
    /// <param name="admission">The engine's decision on it, not yet disposed.</param>
    /// <param name="snapshot">The snapshot the decision was made on.</param>
    /// <exception cref="ArgumentException">The snapshot is not the one the admission used.</exception>
    public static Explanation Of(ReadOnlySpan<byte> review, Admission admission, PodDefaultSnapshot snapshot)
    {
        if (snapshot.Generation != admission.SnapshotGeneration)
            throw new ArgumentException($"the admission used snapshot {admission.SnapshotGeneration}, not {snapshot.Generation}", nameof(snapshot));
        var podDefaults = snapshot.InNamespace(admission.Namespace);
        var onlyMarkers = admission.Outcome == AdmissionOutcome.Patched && MarkerOnlyPatch.Is(review, admission.Merge);
        var verdicts = new PodDefaultVerdict[podDefaults.Count];
        for (var i = 0; i < verdicts.Length; i++)
            verdicts[i] = Judge(review, admission, podDefaults[i], onlyMarkers);
        return new Explanation(admission.Namespace, admission.PodName, admission.Outcome, admission.PatchOperationCount, onlyMarkers, verdicts);
    }

    private static PodDefaultVerdict Judge(ReadOnlySpan<byte> review, Admission admission, PodDefault podDefault, bool onlyMarkers)
    {
        if (admission.Outcome == AdmissionOutcome.Skipped)
            return new(podDefault, VerdictKind.PodSkipped);
        if (podDefault.Selector.Selector is not { } selector)
            return new(podDefault, VerdictKind.InvalidSelector);
        var pod = admission.Request.Pod;
        var added = admission.Selection.AddedLabels;
        if (admission.Applied.Contains(podDefault) && onlyMarkers)
            return new(podDefault, VerdictKind.AlreadyApplied) { SelectedThrough = Through(selector, review, admission), MarkerBehind = true };
        if (admission.Applied.Contains(podDefault))
        {
            return new(podDefault, VerdictKind.Applies)
            {
                Conflicts = admission.Conflicts.Where(conflict => conflict.PodDefault == podDefault.Name).ToArray(),
                SelectedThrough = Through(selector, review, admission),
            };
        }
        if (admission.Selection.Selected.Contains(podDefault))
            return new(podDefault, VerdictKind.AlreadyApplied) { SelectedThrough = Through(selector, review, admission) };
        // A PodDefault left out was judged last on the final labels: the last pass saw them and selected nothing new.
        if (SelectorMatcher.FirstUnmet(selector, review, pod.Labels, added) is { } unmet)
            return new(podDefault, VerdictKind.SelectorDoesNotMatch) { UnmetTerm = unmet, UnmetThrough = AddedWithKey(added, unmet.Key) };
        throw new InvalidOperationException($"the engine did not select poddefault {podDefault.Name}, and its selector matches");
    }

    /// <summary>The added labels that a selected PodDefault needed: those of the terms the pod's own labels do not meet.</summary>
    private static AddedLabel[] Through(LabelSelector selector, ReadOnlySpan<byte> review, Admission admission)
    {
        var through = new List<AddedLabel>();
        foreach (var term in selector.Requirements)
        {
            if (!SelectorMatcher.IsMet(term, review, admission.Request.Pod.Labels)
                && AddedWithKey(admission.Selection.AddedLabels, term.Key) is { } label
                && !through.Contains(label))
                through.Add(label);
        }
        return [.. through];
    }

    private static AddedLabel? AddedWithKey(ReadOnlySpan<AddedLabel> added, string key)
    {
        foreach (var label in added)
        {
            if (label.Label.Key == key)
                return label;
        }
        return null;
    }
}
