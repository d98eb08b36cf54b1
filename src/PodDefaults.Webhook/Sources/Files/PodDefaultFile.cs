using PodDefaults.Core.Model;

namespace PodDefaults.Webhook.Sources.Files;

/// <summary>What one file holds: its PodDefaults, the problems that kept others out, and what was not a PodDefault.</summary>
/// <param name="NotPodDefaults">Documents (or list items) of another kind, skipped quietly: a Kustomization, a ConfigMap.</param>
/// <param name="ContentHash">SHA-256 of the bytes read, to tell a rewrite with the same content; null when nothing was read.</param>
public sealed record PodDefaultFile(
    string Path, IReadOnlyList<PodDefault> PodDefaults, IReadOnlyList<FileProblem> Problems, int NotPodDefaults, string? ContentHash)
{
    /// <summary>Nothing in the file failed: it can replace its previous version whole.</summary>
    public bool IsComplete => Problems.Count == 0;

    internal static PodDefaultFile Unreadable(string path, int line, string reason) =>
        new(path, [], [new FileProblem(path, line, reason)], 0, null);
}
