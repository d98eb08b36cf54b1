namespace PodDefaults.Webhook.Telemetry;

/// <summary>A budget of log lines per fixed interval, shared by every logger that holds it; thread-safe.</summary>
public sealed class LogRateLimiter(int linesPerInterval, TimeSpan interval, TimeProvider time)
{
    private readonly Lock gate = new();
    private DateTimeOffset windowStart = time.GetUtcNow();
    private int written;
    private long suppressed;

    public TimeSpan Interval => interval;

    /// <summary>Whether a line may be written now.</summary>
    /// <param name="suppressedBefore">
    /// Lines suppressed in the interval(s) before this one, reported once, by the first line let through after them.
    /// </param>
    public bool TryWrite(out long suppressedBefore)
    {
        lock (gate)
        {
            suppressedBefore = 0;
            var now = time.GetUtcNow();
            if (now - windowStart >= interval)
            {
                windowStart = now;
                written = 0;
                suppressedBefore = suppressed;
                suppressed = 0;
            }
            if (written < linesPerInterval)
            {
                written++;
                return true;
            }
            suppressed++;
            return false;
        }
    }
}
