namespace PodDefaults.Webhook.Sources.Files;

/// <summary>
/// One file of <c>--defaults</c> as the source knows it: how it looked at the last look and since when, the content
/// last read, and the version published. A file is read once its stamp has stayed the same for the settle period.
/// </summary>
internal sealed class TrackedFile(FileStamp stamp, DateTimeOffset now)
{
    /// <summary>
    /// The coarsest modification-time resolution of common filesystems (FAT's). A stamp is known to be unchanged
    /// since its modification time plus this, which lets files untouched for a while be read at once on start.
    /// </summary>
    private static readonly TimeSpan TimeResolution = TimeSpan.FromSeconds(2);

    public FileStamp Stamp { get; private set; } = stamp;

    /// <summary>Since when the file is known to have looked as <see cref="Stamp"/> says.</summary>
    public DateTimeOffset StableSince { get; private set; } = Since(stamp, now);

    /// <summary>The stamp whose content was last read, if any: nothing new to read while it is current.</summary>
    public FileStamp? ReadStamp { get; set; }

    /// <summary>The hash of the content last read: a rewrite with the same content changes nothing.</summary>
    public string? ReadHash { get; set; }

    /// <summary>Why the file could not be read at the last try, to say it once rather than at every look.</summary>
    public string? Failure { get; set; }

    /// <summary>The version of the file in the snapshot: its last complete reading, or its first one.</summary>
    public PodDefaultFile? Published { get; set; }

    public bool HasUnread => ReadStamp != Stamp;

    public void Observe(FileStamp stamp, DateTimeOffset now)
    {
        if (stamp == Stamp)
            return;
        Stamp = stamp;
        StableSince = Since(stamp, now);
    }

    /// <summary>How long until the file has stayed the same for <paramref name="settle"/>; zero or less once it has.</summary>
    public TimeSpan SettlesIn(TimeSpan settle, DateTimeOffset now) => StableSince + settle - now;

    private static DateTimeOffset Since(FileStamp stamp, DateTimeOffset now)
    {
        var written = new DateTimeOffset(stamp.LastWriteUtc, TimeSpan.Zero) + TimeResolution;
        return written < now ? written : now;
    }
}
