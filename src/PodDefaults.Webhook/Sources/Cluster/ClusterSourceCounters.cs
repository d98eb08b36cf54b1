namespace PodDefaults.Webhook.Sources.Cluster;

/// <summary>
/// Running totals of what the cluster source did, for metrics. Written by the source's loop, readable from any
/// thread; each only grows.
/// </summary>
public sealed class ClusterSourceCounters
{
    private long lists;
    private long relists;
    private long watchRestarts;
    private long eventsApplied;
    private long eventsSkipped;
    private long listItemsSkipped;
    private long failures;

    /// <summary>Complete LISTs, the first one included.</summary>
    public long Lists => Interlocked.Read(ref lists);

    /// <summary>LISTs after the first: a watch or continue token expired (410).</summary>
    public long Relists => Interlocked.Read(ref relists);

    /// <summary>Watches opened again from the last resourceVersion seen, after one ended, dropped or hung.</summary>
    public long WatchRestarts => Interlocked.Read(ref watchRestarts);

    /// <summary>ADDED, MODIFIED and DELETED events applied to the snapshot.</summary>
    public long EventsApplied => Interlocked.Read(ref eventsApplied);

    /// <summary>Malformed watch lines and objects that are not usable PodDefaults.</summary>
    public long EventsSkipped => Interlocked.Read(ref eventsSkipped);

    /// <summary>Listed objects left out of the snapshot because they are not usable PodDefaults (each was logged).</summary>
    public long ListItemsSkipped => Interlocked.Read(ref listItemsSkipped);

    /// <summary>Everything skipped, listed or watched: what an operator alerts on.</summary>
    public long Skipped => EventsSkipped + ListItemsSkipped;

    /// <summary>Requests that failed and were retried after a backoff (unreachable, 5xx, hung, dropped).</summary>
    public long Failures => Interlocked.Read(ref failures);

    internal void CountList(bool first, int skipped)
    {
        Interlocked.Increment(ref lists);
        Interlocked.Add(ref listItemsSkipped, skipped);
        if (!first)
            Interlocked.Increment(ref relists);
    }

    internal void CountWatchRestart() => Interlocked.Increment(ref watchRestarts);

    internal void CountApplied() => Interlocked.Increment(ref eventsApplied);

    internal void CountSkipped() => Interlocked.Increment(ref eventsSkipped);

    internal void CountFailure() => Interlocked.Increment(ref failures);
}
