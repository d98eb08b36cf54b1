namespace PodDefaults.Webhook.Sources.Files;

/// <summary>
/// The size and modification time of a file's content (its final target's, for a symlink): when either changes,
/// the file has changed. Linux filesystems keep times to the nanosecond, so every write moves it.
/// </summary>
public readonly record struct FileStamp(long Length, DateTime LastWriteUtc);
