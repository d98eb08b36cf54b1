using PodDefaults.Webhook.Sources.Files;
using static PodDefaults.Tests.Webhook.Sources.Files.DefaultsFolder;

namespace PodDefaults.Tests.Webhook.Sources.Files;

/// <summary>
/// A file is published only once it has stayed the same for the settle period (issue 9, defect 8): a file rewritten
/// in place, chunk by chunk, is never published half-written.
/// </summary>
public sealed class FileSettleTests : FolderTests
{
    private const int Count = 200;

    [Fact]
    public async Task A_file_rewritten_in_place_in_chunks_with_pauses_is_never_published_half_written()
    {
        var names = Enumerable.Range(0, Count).Select(i => $"pd-{i:D3}").ToArray();
        folder.Write("team.yaml", Many(names, labels: "v: version-0"));
        File.SetLastWriteTimeUtc(folder.File("team.yaml"), DateTime.UtcNow.AddHours(-1));
        var settle = FilePodDefaultSource.DefaultSettlePeriod;
        var source = folder.Source(settle: settle, poll: TimeSpan.FromMilliseconds(20));

        await RunAsync(source, async () =>
        {
            await Eventually.TrueAsync(() => folder.Snapshots.Current.Count == Count, "the first reading");

            // Every snapshot stands until the next one, a second or more later: a look every millisecond sees each.
            var fewest = int.MaxValue;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(() =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    var count = folder.Snapshots.Current.Count;
                    if (count < Volatile.Read(ref fewest))
                        Volatile.Write(ref fewest, count);
                    Thread.Sleep(1);
                }
            });

            var judged = 0;
            for (var version = 1; version <= 6 && judged < 3; version++)
            {
                Volatile.Write(ref fewest, int.MaxValue);
                var longestPause = RewriteInChunks(folder.File("team.yaml"), Many(names, labels: $"v: version-{version}"));
                var expected = $"version-{version}";
                await Eventually.TrueAsync(() => names.All(name => folder.Label(name) == expected), $"version {version} is published");

                // A machine too busy to let the writer go on within the settle period is not a writer pausing 30 ms:
                // such a round proves nothing either way, and another is written.
                if (longestPause >= settle)
                    continue;
                judged++;
                Assert.Equal(Count, Volatile.Read(ref fewest));
            }

            await sampling.CancelAsync();
            await sampler;
            Assert.True(judged > 0, "the writer never wrote a file without pausing longer than the settle period");
        });
    }

    [Fact]
    public void A_file_untouched_for_a_while_is_read_at_once_and_a_fresh_one_once_it_has_settled()
    {
        folder.Write("old.yaml", PodDefault("old"));
        File.SetLastWriteTimeUtc(folder.File("old.yaml"), DateTime.UtcNow.AddMinutes(-5));
        folder.Write("fresh.yaml", PodDefault("fresh"));
        var source = folder.Source(settle: TimeSpan.FromMilliseconds(300));

        var wait = source.Load();

        Assert.NotNull(wait);
        Assert.InRange(wait.Value, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(300));
        Assert.False(folder.Status.IsReady);
        Assert.Equal(["old"], folder.Names());

        Thread.Sleep(wait.Value + TimeSpan.FromMilliseconds(50));
        Assert.Null(source.Load());

        Assert.Equal(["fresh", "old"], folder.Names());
        Assert.True(folder.Status.IsReady);
    }

    [Fact]
    public void A_rewrite_with_the_same_content_publishes_nothing_new()
    {
        folder.Write("a.yaml", PodDefault("a"));
        var source = folder.Source();
        source.Load();
        var generation = folder.Snapshots.Current.Generation;

        folder.Replace("a.yaml", PodDefault("a"));
        source.Load();

        Assert.Equal(generation, folder.Snapshots.Current.Generation);
    }

    /// <summary>
    /// Truncates the file and writes it 2 KB at a time, pausing 30 ms between chunks, on a thread of its own (not the
    /// pool, which a busy test run can starve).
    /// </summary>
    /// <returns>The longest the file stood still: from one write to the next, or to the end.</returns>
    private static TimeSpan RewriteInChunks(string path, string text)
    {
        var longest = TimeSpan.Zero;
        var writer = new Thread(() =>
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            // From before the truncation: a stall between emptying the file and the first write is a pause too.
            var last = System.Diagnostics.Stopwatch.StartNew();
            using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite);
            for (var offset = 0; offset < bytes.Length; offset += 2048)
            {
                stream.Write(bytes, offset, Math.Min(2048, bytes.Length - offset));
                stream.Flush();
                longest = longest > last.Elapsed ? longest : last.Elapsed;
                last.Restart();
                Thread.Sleep(30);
            }
        });
        writer.Start();
        writer.Join();
        return longest;
    }
}
