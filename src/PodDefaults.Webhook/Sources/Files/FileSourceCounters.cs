namespace PodDefaults.Webhook.Sources.Files;

/// <summary>
/// Running totals of what the file source skipped or failed at, for metrics and tests. Written by the source's
/// loop, readable from any thread; each only grows.
/// </summary>
public sealed class FileSourceCounters
{
    private long failures;
    private long problems;
    private long notPodDefaults;
    private long unreadable;

    /// <summary>Reloads that failed as a whole (the folder itself gone or unreadable, or a fault): the last snapshot stayed.</summary>
    public long Failures => Interlocked.Read(ref failures);

    /// <summary>Problems found in files (a document that does not parse or validate, a file too large), each counted once per content.</summary>
    public long Problems => Interlocked.Read(ref problems);

    /// <summary>Documents and list items of another kind (a Kustomization, a ConfigMap), skipped quietly.</summary>
    public long NotPodDefaults => Interlocked.Read(ref notPodDefaults);

    /// <summary>Times a subfolder or entry became unreadable (a folder without permission, a symlink loop).</summary>
    public long Unreadable => Interlocked.Read(ref unreadable);

    internal void CountFailure() => Interlocked.Increment(ref failures);

    internal void CountProblems(int count) => Interlocked.Add(ref problems, count);

    internal void CountNotPodDefaults(int count) => Interlocked.Add(ref notPodDefaults, count);

    internal void CountUnreadable() => Interlocked.Increment(ref unreadable);
}
