using Xunit.Sdk;

namespace PodDefaults.Tests.Webhook.Tls;

/// <summary>
/// Waits for something asynchronous (a file watcher, a poll) to have happened. The bound only
/// turns a hang into a failure; nothing asserts how quickly it happened.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    public static async Task True(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new XunitException($"Still not true after {Bound.TotalSeconds} s: {what}");
            }

            await Task.Delay(50);
        }
    }
}
