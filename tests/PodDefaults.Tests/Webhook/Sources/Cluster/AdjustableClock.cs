namespace PodDefaults.Tests.Webhook.Sources.Cluster;

/// <summary>
/// Real timers (the source's timeouts and backoff run as usual) but a wall clock the test moves forward, so that
/// staleness can be asserted exactly.
/// </summary>
public sealed class AdjustableClock : TimeProvider
{
    private long offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));
}
