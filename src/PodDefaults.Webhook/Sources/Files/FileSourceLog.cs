namespace PodDefaults.Webhook.Sources.Files;

/// <summary>The file source's log lines.</summary>
internal static partial class FileSourceLog
{
    [LoggerMessage(EventId = LogEvents.FilesSkippedPodDefault, Level = LogLevel.Error, Message = "Skipped a PodDefault: {Problem}")]
    public static partial void Problem(ILogger logger, string problem);

    [LoggerMessage(EventId = LogEvents.FilesKeptPrevious, Level = LogLevel.Warning, Message = "{File} has {Problems} problems; keeping the {Count} PodDefaults of its last version that read")]
    public static partial void KeptPrevious(ILogger logger, string file, int problems, int count);

    [LoggerMessage(EventId = LogEvents.FilesNotPodDefaults, Level = LogLevel.Debug, Message = "Skipped {Count} documents in {File} that are not PodDefaults")]
    public static partial void NotPodDefaults(ILogger logger, string file, int count);

    [LoggerMessage(EventId = LogEvents.FilesUnreadableEntry, Level = LogLevel.Warning, Message = "Cannot read part of the PodDefault folder; what it held stays as it was: {Entry}")]
    public static partial void UnreadableEntry(ILogger logger, string entry);

    [LoggerMessage(EventId = LogEvents.FilesDuplicate, Level = LogLevel.Warning, Message = "PodDefault {Namespace}/{Name} is defined {Count} times; the last file in path order wins")]
    public static partial void Duplicate(ILogger logger, string @namespace, string name, int count);

    [LoggerMessage(EventId = LogEvents.FilesLoaded, Level = LogLevel.Information, Message = "Loaded {Count} PodDefaults from {Files} files under {Path} (snapshot generation {Generation})")]
    public static partial void Loaded(ILogger logger, int count, int files, string path, long generation);

    [LoggerMessage(EventId = LogEvents.FilesWaitingToSettle, Level = LogLevel.Debug, Message = "Waiting for files still being written to settle ({Wait} to go)")]
    public static partial void WaitingToSettle(ILogger logger, TimeSpan wait);

    [LoggerMessage(EventId = LogEvents.FilesReloadFailed, Level = LogLevel.Error, Message = "Reading the PodDefaults under {Path} failed; the {Count} PodDefaults published stay: {Reason}")]
    public static partial void ReloadFailed(ILogger logger, string path, int count, string reason, Exception error);
}
