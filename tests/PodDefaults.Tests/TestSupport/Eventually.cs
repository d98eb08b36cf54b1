namespace PodDefaults.Tests.TestSupport;

/// <summary>
/// Bounded waits for state that converges asynchronously (a watch, a file watcher, a poll): poll until true,
/// fail after a deadline. The bound only turns a hang into a failure; nothing asserts how quickly it happened.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? deadline = null) =>
        TrueAsync(() => Task.FromResult(condition()), what, deadline);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? Deadline);
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
                Xunit.Assert.Fail($"timed out waiting for: {what}");
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// For what the source updates just after it publishes (counters, resourceVersion, readiness): a test that has
    /// seen the snapshot may be a moment early.
    /// </summary>
    public static async Task EqualAsync<T>(T expected, Func<T> actual, string what)
    {
        await TrueAsync(() => EqualityComparer<T>.Default.Equals(expected, actual()), what);
        Xunit.Assert.Equal(expected, actual());
    }
}
