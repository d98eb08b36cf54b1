using PodDefaults.Webhook.Sources.Cluster;

namespace PodDefaults.Tests.Webhook.Sources.Cluster;

public sealed class BackoffTests
{
    [Fact]
    public void Ceiling_doubles_per_failure_up_to_the_cap_and_resets()
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5), new Random(1));
        var ceilings = new List<TimeSpan>();
        for (var i = 0; i < 8; i++)
        {
            ceilings.Add(backoff.Ceiling);
            backoff.NextDelay();
        }

        Assert.Equal([200, 400, 800, 1600, 3200, 5000, 5000, 5000], ceilings.Select(c => (int)c.TotalMilliseconds));
        backoff.Reset();
        Assert.Equal(TimeSpan.FromMilliseconds(200), backoff.Ceiling);
    }

    [Fact]
    public void Delays_are_jittered_over_the_whole_range_below_the_ceiling()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), new Random(7));
        var delays = Enumerable.Range(0, 200).Select(_ => backoff.NextDelay()).ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(5)));
        Assert.Contains(delays, d => d < TimeSpan.FromSeconds(1));
        Assert.Contains(delays, d => d > TimeSpan.FromSeconds(4));
    }

    [Fact]
    public void Many_failures_do_not_overflow()
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5), new Random(3));
        for (var i = 0; i < 10_000; i++)
            Assert.InRange(backoff.NextDelay(), TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }
}
