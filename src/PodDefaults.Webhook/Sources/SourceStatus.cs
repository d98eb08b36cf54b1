namespace PodDefaults.Webhook.Sources;

/// <summary>
/// What a PodDefault source tells the rest of the host: whether it has read its PodDefaults completely once
/// (<c>/readyz</c>), and when it last knew its snapshot to be current (staleness, for metrics and logs).
/// </summary>
/// <remarks>Written by the source's one loop, read from anywhere.</remarks>
public sealed class SourceStatus(TimeProvider time)
{
    private long lastInSyncTicks;
    private int ready;

    /// <summary>True once the source has published a complete snapshot; stays true through later outages.</summary>
    public bool IsReady => Volatile.Read(ref ready) == 1;

    /// <summary>When the source last confirmed its snapshot matches what it reads (a list, a watch event, a bookmark).</summary>
    public DateTimeOffset? LastInSync
    {
        get
        {
            var ticks = Interlocked.Read(ref lastInSyncTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>How long the snapshot may have been out of date; zero before the first sync.</summary>
    public TimeSpan Staleness => LastInSync is { } at ? time.GetUtcNow() - at : TimeSpan.Zero;

    public void MarkInSync()
    {
        Interlocked.Exchange(ref lastInSyncTicks, time.GetUtcNow().UtcTicks);
        Volatile.Write(ref ready, 1);
    }
}
