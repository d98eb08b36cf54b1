using PodDefaults.Core.Model;
using PodDefaults.Core.Selection;

namespace PodDefaults.Core.Admission;

/// <summary>
/// Why each PodDefault of the pod's namespace does or does not apply, for <c>poddefaults explain</c>. The engine
/// decides; this only gives reasons: what it applied comes from the <see cref="Admission"/>, and every other
/// PodDefault is explained with the same selector and marker checks the engine uses.
/// </summary>
public sealed class Explanation
{
    private Explanation(string @namespace, string podName, AdmissionOutcome outcome, int patchOperations, IReadOnlyList<PodDefaultVerdict> verdicts)
    {
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
        var verdicts = new PodDefaultVerdict[podDefaults.Count];
        for (var i = 0; i < verdicts.Length; i++)
            verdicts[i] = Judge(review, admission, podDefaults[i]);
        return new Explanation(admission.Namespace, admission.PodName, admission.Outcome, admission.PatchOperationCount, verdicts);
    }

    private static PodDefaultVerdict Judge(ReadOnlySpan<byte> review, Admission admission, PodDefault podDefault)
    {
        if (admission.Outcome == AdmissionOutcome.Skipped)
            return new(podDefault, VerdictKind.PodSkipped);
        if (admission.Applied.Contains(podDefault))
        {
            return new(podDefault, VerdictKind.Applies)
            {
                Conflicts = admission.Conflicts.Where(conflict => conflict.PodDefault == podDefault.Name).ToArray(),
            };
        }
        if (podDefault.Selector.Selector is not { } selector)
            return new(podDefault, VerdictKind.InvalidSelector);
        var pod = admission.Request.Pod;
        if (SelectorMatcher.FirstUnmet(selector, review, pod.Labels) is { } unmet)
            return new(podDefault, VerdictKind.SelectorDoesNotMatch) { UnmetTerm = unmet };
        if (PodSelection.IsApplied(review, pod, podDefault))
            return new(podDefault, VerdictKind.AlreadyApplied);
        throw new InvalidOperationException($"the engine did not apply poddefault {podDefault.Name}, and none of the reasons it has holds");
    }
}
