
namespace PodDefaults.Webhook.FileSystem;

/// <summary>
/// Tells a reloader (TLS certificates, PodDefault files) when to look at its files again: soon after
/// anything happens in their directories, and in any case every poll interval.
/// </summary>
/// <remarks>
/// Why both: on Linux a FileSystemWatcher (inotify) reports changes to the entries of the watched
/// directory only. It does see a Kubernetes Secret or ConfigMap volume update, which renames a
/// <c>..data</c> symlink in that directory, but not a change behind a symlink into another directory,
/// nor anything once inotify runs out of instances or drops events on overflow. A poll every few
/// seconds covers those; the watcher makes the common case quick. Callers compare what they read,
/// not timestamps, so a wake-up with nothing changed costs only a look at the files.
/// </remarks>
internal sealed partial class FileChangeWatcher : IDisposable
{
    // Writers touch a file several times (truncate, write, rename), and related files (a certificate
    // and its key) change one after the other: wait for the burst to end rather than read half of it.
    private static readonly TimeSpan SettleDelay = TimeSpan.FromMilliseconds(250);

    private readonly TimeSpan pollInterval;
    private readonly List<FileSystemWatcher> watchers = [];
    private readonly SemaphoreSlim changed = new(0);

    /// <param name="directories">The directories to watch.</param>
    /// <param name="recursive">Whether changes in subdirectories count too.</param>
    public FileChangeWatcher(IEnumerable<string> directories, bool recursive, TimeSpan pollInterval, ILogger logger)
    {
        this.pollInterval = pollInterval;
        foreach (var directory in directories.Select(Path.GetFullPath).Distinct())
        {
            try
            {
                watchers.Add(Watch(directory, recursive));
            }
            catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
            {
                LogCannotWatch(logger, directory, pollInterval, e.Message);
            }
        }
    }

    /// <summary>Returns when the files may have changed, or when the poll interval has passed.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => WaitAsync(pollInterval, cancellationToken);

    /// <summary>Returns when the files may have changed, or after <paramref name="timeout"/> (sooner than the poll, for a caller waiting on a change to settle).</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (await changed.WaitAsync(timeout, cancellationToken))
        {
            await Task.Delay(SettleDelay, cancellationToken);

            // Events from the same burst are covered by this wake-up.
            while (changed.Wait(0, cancellationToken))
            {
            }
        }
    }

    // The semaphore is left to the GC: an event already in flight may still signal it, and an
    // ObjectDisposedException on a thread-pool thread would take the process down.
    public void Dispose()
    {
        foreach (var watcher in watchers)
        {
            watcher.Dispose();
        }
    }

    private FileSystemWatcher Watch(string directory, bool recursive)
    {
        var watcher = new FileSystemWatcher(directory)
        {
            IncludeSubdirectories = recursive,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName
                | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        watcher.Changed += (_, _) => Signal();
        watcher.Created += (_, _) => Signal();
        watcher.Deleted += (_, _) => Signal();
        watcher.Renamed += (_, _) => Signal();
        watcher.Error += (_, _) => Signal();
        try
        {
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch
        {
            watcher.Dispose();
            throw;
        }
    }

    // At most one pending signal: a burst of events means one more look at the files.
    private void Signal()
    {
        if (changed.CurrentCount == 0)
        {
            changed.Release();
        }
    }

    [LoggerMessage(EventId = LogEvents.FilesCannotWatch, Level = LogLevel.Warning,
        Message = "Cannot watch {Directory} for changes ({Reason}); checking every {PollInterval} instead.")]
    private static partial void LogCannotWatch(ILogger logger, string directory, TimeSpan pollInterval, string reason);
}
