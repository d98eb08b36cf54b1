namespace PodDefaults.Webhook.Sources.Cluster;

/// <summary>
/// Exponential backoff with full jitter: after the n-th consecutive failure the wait is uniform in
/// [0, min(max, initial × 2ⁿ⁻¹)], so a fleet of webhooks does not hammer a recovering API server in step.
/// </summary>
/// <remarks>Used by one loop only; not thread-safe.</remarks>
public sealed class Backoff(TimeSpan initial, TimeSpan max, Random? random = null)
{
    private readonly Random random = random ?? Random.Shared;
    private int failures;

    /// <summary>Consecutive failures since the last <see cref="Reset"/>.</summary>
    public int Failures => failures;

    /// <summary>The upper bound of the next delay.</summary>
    public TimeSpan Ceiling
    {
        get
        {
            // Doubling beyond 2^20 only overflows; the cap has long been reached by then.
            var factor = Math.Pow(2, Math.Min(failures, 20));
            return TimeSpan.FromTicks((long)Math.Min(max.Ticks, initial.Ticks * factor));
        }
    }

    /// <summary>Counts a failure and returns how long to wait before trying again.</summary>
    public TimeSpan NextDelay()
    {
        var ceiling = Ceiling;
        failures++;
        return TimeSpan.FromTicks((long)(random.NextDouble() * ceiling.Ticks));
    }

    /// <summary>After a success: the next failure waits briefly again.</summary>
    public void Reset() => failures = 0;
}
