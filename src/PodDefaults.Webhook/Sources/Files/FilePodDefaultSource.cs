using PodDefaults.Core.Model;
using PodDefaults.Core.Selection;
using PodDefaults.Webhook.FileWatching;

namespace PodDefaults.Webhook.Sources.Files;

/// <summary>
/// PodDefaults from YAML/JSON files (<c>--defaults</c>), read at start and again whenever the files change;
/// each reading is published as one new snapshot. A file that cannot be read keeps what it held last time,
/// so a half-saved edit never drops PodDefaults; its problem is logged with path and line.
/// </summary>
public sealed partial class FilePodDefaultSource(
    DefaultsPath path, SnapshotHolder snapshots, SourceStatus status, ILogger<FilePodDefaultSource> logger, TimeSpan pollInterval)
    : IPodDefaultSource
{
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, PodDefaultFile> lastReadable = new(StringComparer.Ordinal);

    public async Task RunAsync(CancellationToken cancellation)
    {
        using var watcher = new FileChangeWatcher([path.WatchedDirectory], recursive: path.IsDirectory, pollInterval, logger);
        var fingerprint = path.Fingerprint();
        Load();
        while (!cancellation.IsCancellationRequested)
        {
            await watcher.WaitAsync(cancellation);
            var current = path.Fingerprint();
            if (current == fingerprint)
                continue;
            fingerprint = current;
            Load();
        }
    }

    /// <summary>Reads every file and publishes the result as one snapshot.</summary>
    public void Load()
    {
        var files = path.Files();
        var podDefaults = new List<PodDefault>();
        foreach (var file in files)
        {
            var read = PodDefaultFileReader.Read(file);
            foreach (var problem in read.Problems)
                LogProblem(problem.ToString());
            if (read.Readable)
                lastReadable[file] = read;
            else if (lastReadable.TryGetValue(file, out var previous))
                LogKeptPrevious(file, previous.PodDefaults.Count);
            if (lastReadable.TryGetValue(file, out var usable))
                podDefaults.AddRange(usable.PodDefaults);
        }
        foreach (var gone in lastReadable.Keys.Except(files).ToArray())
            lastReadable.Remove(gone);

        ReportDuplicates(podDefaults);
        var snapshot = snapshots.Current.ReplaceAll(podDefaults);
        snapshots.Publish(snapshot);
        status.MarkInSync();
        LogLoaded(snapshot.Count, files.Count, path.FullPath, snapshot.Generation);
    }

    private void ReportDuplicates(List<PodDefault> podDefaults)
    {
        foreach (var duplicate in podDefaults.GroupBy(pd => (pd.Namespace, pd.Name)).Where(group => group.Count() > 1))
            LogDuplicate(duplicate.Key.Namespace, duplicate.Key.Name, duplicate.Count());
    }

    [LoggerMessage(EventId = LogEvents.FilesSkippedPodDefault, Level = LogLevel.Error, Message = "Skipped a PodDefault: {Problem}")]
    private partial void LogProblem(string problem);

    [LoggerMessage(EventId = LogEvents.FilesKeptPrevious, Level = LogLevel.Warning, Message = "{File} cannot be read; keeping the {Count} PodDefaults it held when it last could")]
    private partial void LogKeptPrevious(string file, int count);

    [LoggerMessage(EventId = LogEvents.FilesDuplicate, Level = LogLevel.Warning, Message = "PodDefault {Namespace}/{Name} is defined {Count} times; the last file in path order wins")]
    private partial void LogDuplicate(string @namespace, string name, int count);

    [LoggerMessage(EventId = LogEvents.FilesLoaded, Level = LogLevel.Information, Message = "Loaded {Count} PodDefaults from {Files} files under {Path} (snapshot generation {Generation})")]
    private partial void LogLoaded(int count, int files, string path, long generation);
}
