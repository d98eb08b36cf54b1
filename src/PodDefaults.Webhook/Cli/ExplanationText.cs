using PodDefaults.Core.Admission;
using PodDefaults.Core.Selection;

namespace PodDefaults.Webhook.Cli;

/// <summary>An <see cref="Explanation"/> for people: one line per reason, then a summary line.</summary>
internal static class ExplanationText
{
    public static void Write(Explanation explanation, TextWriter output)
    {
        var verdicts = explanation.Verdicts;
        output.WriteLine(verdicts.Count == 0
            ? $"No PodDefaults in namespace {explanation.Namespace}."
            : $"PodDefaults in namespace {explanation.Namespace}, in apply order, for pod {explanation.PodName}:");
        foreach (var verdict in verdicts)
        {
            foreach (var reason in Reasons(verdict))
                output.WriteLine($"  {verdict.PodDefault.Name}: {reason}");
        }
        output.WriteLine(Summary(explanation));
    }

    private static IEnumerable<string> Reasons(PodDefaultVerdict verdict)
    {
        var podDefault = verdict.PodDefault;
        var through = Through(verdict.SelectedThrough);
        return verdict.Kind switch
        {
            VerdictKind.Applies when verdict.Conflicts.Count > 0 =>
                [.. through is null ? [] : new[] { through }, .. verdict.Conflicts.Select(conflict => $"conflict: {conflict.Clause}")],
            VerdictKind.Applies => [through is null ? "applies" : $"applies: {through}"],
            VerdictKind.SelectorDoesNotMatch => [$"skipped: selector does not match ({UnmetTerm(verdict)} not met{Added(verdict.UnmetThrough)})"],
            VerdictKind.InvalidSelector => [$"skipped: invalid selector: {podDefault.Selector.Error}"],
            VerdictKind.AlreadyApplied when verdict.MarkerBehind =>
                [$"already applied (the pod has everything it sets; only its marker would move to resourceVersion {podDefault.ResourceVersion}){(through is null ? "" : $"; {through}")}"],
            VerdictKind.AlreadyApplied => [$"skipped: already applied (marker at resourceVersion {podDefault.ResourceVersion}){(through is null ? "" : $"; {through}")}"],
            VerdictKind.PodSkipped => ["skipped: the pod is excluded"],
            _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict.Kind, "unknown verdict"),
        };
    }

    /// <summary>"selected through label tier=gpu added by a-label", for a PodDefault chained selection pulled in.</summary>
    private static string? Through(IReadOnlyList<AddedLabel> labels) => labels.Count switch
    {
        0 => null,
        1 => $"selected through label {labels[0]}",
        _ => $"selected through labels {string.Join(", ", labels)}",
    };

    private static string Added(AddedLabel? label) => label is { } added ? $": label {added}" : "";

    /// <summary>The term as it was written: a <c>matchLabels</c> pair as <c>key=value</c>, an expression as <c>key in (values)</c>.</summary>
    private static string? UnmetTerm(PodDefaultVerdict verdict)
    {
        var unmet = verdict.UnmetTerm;
        var selector = verdict.PodDefault.Selector.Selector;
        var fromMatchLabels = selector is not null && selector.Requirements.Take(selector.MatchLabels.Count).Any(term => ReferenceEquals(term, unmet));
        return fromMatchLabels ? $"{unmet!.Key}={unmet.Values[0]}" : unmet?.ToString();
    }

    private static string Summary(Explanation explanation) => explanation.Outcome switch
    {
        AdmissionOutcome.Patched when explanation.OnlyMarkersChange =>
            $"Result: already applied; only the marker annotations would be updated ({Count(explanation.PatchOperationCount, "operation")}).",
        AdmissionOutcome.Patched => $"Result: would patch {Count(explanation.PatchOperationCount, "operation")}.",
        AdmissionOutcome.Conflict => $"Result: would reject the pod ({Count(explanation.Verdicts.Sum(v => v.Conflicts.Count), "conflict")}).",
        AdmissionOutcome.Skipped => "Result: no change: the pod opts out (poddefault.admission.kubeflow.org/exclude: \"true\") or is a mirror pod.",
        _ => "Result: no change.",
    };

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
