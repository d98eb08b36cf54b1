using PodDefaults.Core.Selection;
using PodDefaults.Webhook.FileSystem;

namespace PodDefaults.Webhook.Sources.Files;

/// <summary>
/// PodDefaults from YAML/JSON files (<c>--defaults</c>), read at start and again whenever the files change; each
/// change is published as one new snapshot. The file is the unit: a file is read once its content has stayed the
/// same for the settle period, and replaces its previous version only if every document in it reads; else the
/// previous version stays whole and the problems are logged with path and line. A file with no previous version
/// (at start, or new) publishes the documents that read.
/// </summary>
/// <remarks>
/// Nothing in the folder stops the loop, as YARP's configuration provider keeps its last good snapshot: a reload
/// that fails for any reason (the folder itself gone or unreadable, a fault) is logged and counted and leaves the
/// snapshot as it was, and the next change or poll tries again. Only a path missing at start, checked before the
/// source runs, stops the process.
/// </remarks>
public sealed partial class FilePodDefaultSource(
    DefaultsPath path, SnapshotHolder snapshots, SourceStatus status, ILogger<FilePodDefaultSource> logger, TimeSpan pollInterval,
    TimeSpan? settlePeriod = null)
    : IPodDefaultSource
{
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a file's size and time must stay the same before it is read. Editors, <c>kubectl cp</c> and
    /// ConfigMap volumes write a file in one go (or beside it, then rename); a writer that pauses between chunks
    /// pauses for milliseconds (30 ms in the tests), so a second is far longer than its pauses, and short next to the
    /// minute a ConfigMap update takes to reach a pod.
    /// </summary>
    public static readonly TimeSpan DefaultSettlePeriod = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the first reading may wait for files still being written before the source says it is ready
    /// anyway: a file that never stops changing must not keep every replica out of service.
    /// </summary>
    private static readonly TimeSpan StartupPatience = TimeSpan.FromSeconds(10);

    /// <summary>The soonest the loop looks again for a file about to settle: bounds the wake-ups of a busy writer.</summary>
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(20);

    private readonly TimeSpan settle = settlePeriod ?? DefaultSettlePeriod;
    private readonly TimeProvider time = TimeProvider.System;
    private readonly SortedDictionary<string, TrackedFile> files = new(StringComparer.Ordinal);
    private HashSet<string> unreadable = new(StringComparer.Ordinal);
    private DateTimeOffset? firstLook;
    private bool published;

    public FileSourceCounters Counters { get; } = new();

    /// <summary>Reads one file (tests make it fail).</summary>
    internal Func<string, PodDefaultFile> ReadFile { get; init; } = file => PodDefaultFileReader.Read(file);

    public async Task RunAsync(CancellationToken cancellation)
    {
        // The first reading runs on the loop, not in the host's start: a slow folder must not hold up start or stop.
        await Task.Yield();
        using var watcher = new FileChangeWatcher([path.WatchedDirectory], recursive: path.IsDirectory, pollInterval, logger);
        while (!cancellation.IsCancellationRequested)
        {
            var settling = Load(cancellation);
            var wait = settling is { } soon ? TimeSpan.FromTicks(Math.Max(soon.Ticks, MinimumWait.Ticks)) : pollInterval;
            await watcher.WaitAsync(wait, cancellation);
        }
    }

    /// <summary>
    /// Looks at the files once: reads those that changed and have settled, and publishes a snapshot if what is
    /// published changed. Never throws but for cancellation.
    /// </summary>
    /// <returns>How long until the next changed file settles, or null when none is waiting.</returns>
    public TimeSpan? Load(CancellationToken cancellation = default)
    {
        try
        {
            return Reload(cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception error)
        {
            FileSourceLog.ReloadFailed(logger, path.FullPath, snapshots.Current.Count, error.Message, error);
            Counters.CountFailure();
            return null;
        }
    }

    private TimeSpan? Reload(CancellationToken cancellation)
    {
        var listing = path.List(cancellation);
        var now = time.GetUtcNow();
        firstLook ??= now;
        ReportUnreadable(listing.Unreadable);

        var changed = false;
        TimeSpan? settling = null;
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, stamp) in listing.Files)
        {
            cancellation.ThrowIfCancellationRequested();
            listed.Add(file);
            if (!files.TryGetValue(file, out var tracked))
                files[file] = tracked = new TrackedFile(stamp, now);
            else
                tracked.Observe(stamp, now);
            if (!tracked.HasUnread)
                continue;
            var wait = tracked.SettlesIn(settle, now);
            if (wait > TimeSpan.Zero)
            {
                settling = settling is { } other && other < wait ? other : wait;
                continue;
            }
            changed |= Read(file, tracked);
        }

        foreach (var gone in files.Keys.Where(file => !listed.Contains(file) && !listing.MayHide(file)).ToArray())
        {
            changed |= files[gone].Published is not null;
            files.Remove(gone);
        }

        var ready = settling is null || now - firstLook >= StartupPatience;
        if (changed || (ready && !published))
            Publish(listing.Files.Count);
        if (ready)
            status.MarkInSync();
        else
            FileSourceLog.WaitingToSettle(logger, settling!.Value);
        return settling;
    }

    /// <summary>Reads a settled file; true when its published version changed.</summary>
    private bool Read(string file, TrackedFile tracked)
    {
        PodDefaultFile read;
        try
        {
            read = ReadFile(file);
        }
        catch (Exception error)
        {
            read = PodDefaultFile.Unreadable(file, 0, error.Message);
        }

        // A write while it was read means it had not settled after all: look again once it has.
        var after = StampNow(file);
        if (after != tracked.Stamp)
        {
            if (after is { } rewritten)
                tracked.Observe(rewritten, time.GetUtcNow());
            return false; // else it vanished, and the next look drops it
        }

        if (read.ContentHash is null)
            return Unreadable(file, tracked, read);
        tracked.ReadStamp = tracked.Stamp;
        tracked.Failure = null;
        if (read.ContentHash == tracked.ReadHash)
            return false; // the same content again: what it gave last time stands
        tracked.ReadHash = read.ContentHash;

        foreach (var problem in read.Problems)
            FileSourceLog.Problem(logger, problem.ToString());
        Counters.CountProblems(read.Problems.Count);
        if (read.NotPodDefaults > 0)
        {
            Counters.CountNotPodDefaults(read.NotPodDefaults);
            FileSourceLog.NotPodDefaults(logger, file, read.NotPodDefaults);
        }

        if (read.IsComplete || tracked.Published is null)
        {
            tracked.Published = read;
            return true;
        }
        FileSourceLog.KeptPrevious(logger, file, read.Problems.Count, tracked.Published.PodDefaults.Count);
        return false;
    }

    private static FileStamp? StampNow(string file)
    {
        try
        {
            return DefaultsPath.StampOf(file);
        }
        catch (Exception)
        {
            return null; // became unreadable: the next listing says so
        }
    }

    /// <summary>
    /// A file that cannot be read at all (I/O, permissions) keeps its previous version and is tried again at every
    /// look, since fixing a permission does not change its stamp; the reason is logged when it changes.
    /// </summary>
    private bool Unreadable(string file, TrackedFile tracked, PodDefaultFile read)
    {
        var reason = read.Problems[0].ToString();
        if (reason != tracked.Failure)
        {
            tracked.Failure = reason;
            Counters.CountProblems(1);
            FileSourceLog.Problem(logger, reason);
            if (tracked.Published is { } previous)
                FileSourceLog.KeptPrevious(logger, file, 1, previous.PodDefaults.Count);
        }
        if (tracked.Published is not null)
            return false;
        tracked.Published = read;
        return true;
    }

    /// <summary>Logs each unreadable folder or entry when it becomes so, not at every look.</summary>
    private void ReportUnreadable(IReadOnlyList<UnreadableEntry> entries)
    {
        var now = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            now.Add(entry.Path);
            if (unreadable.Contains(entry.Path))
                continue;
            FileSourceLog.UnreadableEntry(logger, entry.ToString());
            Counters.CountUnreadable();
        }
        unreadable = now;
    }

    private void Publish(int fileCount)
    {
        var podDefaults = files.Values.SelectMany(file => file.Published?.PodDefaults ?? []).ToList();
        foreach (var duplicate in podDefaults.GroupBy(pd => (pd.Namespace, pd.Name)).Where(group => group.Count() > 1))
            FileSourceLog.Duplicate(logger, duplicate.Key.Namespace, duplicate.Key.Name, duplicate.Count());
        var snapshot = snapshots.Current.ReplaceAll(podDefaults);
        snapshots.Publish(snapshot);
        published = true;
        FileSourceLog.Loaded(logger, snapshot.Count, fileCount, path.FullPath, snapshot.Generation);
    }
}
