using System.Diagnostics;

namespace PodDefaults.ApiServerStandIn;

/// <summary>Changes PodDefaults named <c>pd-*</c> at a steady rate (adds, modifies, deletes around a target count), for load tests.</summary>
public sealed class Churn(ObjectStore store, int namespaces, int targetCount, double eventsPerSecond)
{
    private readonly Random random = new(42);
    private int nextName = -1;
    private List<(string Namespace, string Name)>? churned;

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
        // Only the objects churn made: a test may keep its own beside them. Listed once and then tracked here,
        // since listing the store clones every object: at 200 events/s that took most of the load generator's core.
        churned ??= [.. store.List().Items.Select(item => (Namespace: item["metadata"]!["namespace"]!.ToString(), Name: item["metadata"]!["name"]!.ToString()))
            .Where(key => key.Name.StartsWith("pd-", StringComparison.Ordinal))];
        var roll = random.NextDouble();
        if (churned.Count == 0 || (churned.Count < targetCount && roll < 0.3))
        {
            // Names past the seeded ones, so an add never collides with a survivor.
            var i = targetCount + ++nextName;
            var added = PodDefaultObjects.Env($"ns-{i % namespaces}", $"pd-{i}", $"app-{i % 7}", $"VAR_{i}", "v0");
            store.Put(added);
            churned.Add((added["metadata"]!["namespace"]!.ToString(), added["metadata"]!["name"]!.ToString()));
        }
        else if (churned.Count > targetCount && roll < 0.3 || roll < 0.15)
        {
            var at = random.Next(churned.Count);
            var (ns, name) = churned[at];
            churned[at] = churned[^1];
            churned.RemoveAt(churned.Count - 1);
            store.Delete(ns, name);
        }
        else
        {
            var (ns, name) = churned[random.Next(churned.Count)];
            if (store.Get(ns, name) is not { } changed)
                return; // deleted by someone else
            changed["spec"]!["env"]![0]!["value"] = $"v{random.Next()}";
            store.Put(changed);
        }
    }
}
