using System.Diagnostics;

namespace PodDefaults.ApiServerStandIn;

/// <summary>Changes PodDefaults named <c>pd-*</c> at a steady rate (adds, modifies, deletes around a target count), for load tests.</summary>
public sealed class Churn(ObjectStore store, int namespaces, int targetCount, double eventsPerSecond)
{
    private readonly Random random = new(42);
    private int nextName = -1;

    /// <summary>The first <paramref name="count"/> objects: <c>ns-{i % namespaces}/pd-{i}</c>.</summary>
    public static void Seed(ObjectStore store, int namespaces, int count)
    {
        for (var i = 0; i < count; i++)
            store.Put(PodDefaultObjects.Env($"ns-{i % namespaces}", $"pd-{i}", $"app-{i % 7}", $"VAR_{i}", "v0"));
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (eventsPerSecond <= 0)
            return;
        var clock = Stopwatch.StartNew();
        long done = 0;
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        while (await tick.WaitForNextTickAsync(cancellationToken))
        {
            // Catch up on the events due by now, so the rate holds whatever the timer's granularity.
            var due = (long)(clock.Elapsed.TotalSeconds * eventsPerSecond);
            for (; done < due; done++)
                ChangeOne();
        }
    }

    private void ChangeOne()
    {
        // Only the objects churn made: a test may keep its own beside them.
        var items = store.List().Items.Where(item => item["metadata"]!["name"]!.ToString().StartsWith("pd-", StringComparison.Ordinal)).ToList();
        var roll = random.NextDouble();
        if (items.Count == 0 || (items.Count < targetCount && roll < 0.3))
        {
            // Names past the seeded ones, so an add never collides with a survivor.
            var i = targetCount + ++nextName;
            store.Put(PodDefaultObjects.Env($"ns-{i % namespaces}", $"pd-{i}", $"app-{i % 7}", $"VAR_{i}", "v0"));
        }
        else if (items.Count > targetCount && roll < 0.3 || roll < 0.15)
        {
            var victim = items[random.Next(items.Count)];
            store.Delete(victim["metadata"]!["namespace"]!.ToString(), victim["metadata"]!["name"]!.ToString());
        }
        else
        {
            var changed = items[random.Next(items.Count)];
            changed["spec"]!["env"]![0]!["value"] = $"v{random.Next()}";
            store.Put(changed);
        }
    }
}
