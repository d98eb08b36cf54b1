using Microsoft.Extensions.Logging;
using static PodDefaults.Tests.Webhook.Sources.Files.DefaultsFolder;

namespace PodDefaults.Tests.Webhook.Sources.Files;

/// <summary>
/// A file too large or an alias bomb is refused with an error naming the file, and the other files load
/// (issue 9, defect 7). What it costs in memory is measured on the binary (docs/security.md).
/// </summary>
public sealed class FileLimitsTests : FolderTests
{
    [Fact]
    public void A_file_over_the_size_limit_is_refused_naming_it_and_the_others_load()
    {
        var huge = folder.Write("huge.yaml", PodDefault("huge") + "# " + new string('x', 4 * 1024 * 1024) + "\n");
        folder.Write("good.yaml", PodDefault("good"));

        folder.Source().Load();

        Assert.Equal(["good"], folder.Names());
        Assert.Contains(folder.Log.Entries, e => e.Level == LogLevel.Error
            && e.Message == $"Skipped a PodDefault: {huge}:0: the file is larger than 4 MiB, the most a PodDefault file may hold");
    }

    [Fact]
    public void A_file_whose_aliases_expand_past_the_byte_limit_is_refused_naming_it_and_the_others_load()
    {
        var big = new string('x', 1024 * 1024);
        var bomb = folder.Write("bomb.yaml", PodDefault("bomb").Replace("spec:\n", $"  annotations:\n    big: &big {big}\n" + string.Concat(Enumerable.Range(0, 400).Select(i => $"    a{i}: *big\n")) + "spec:\n"));
        folder.Write("good.yaml", PodDefault("good"));

        folder.Source().Load();

        Assert.Equal(["good"], folder.Names());
        Assert.Contains(folder.Log.Entries, e => e.Level == LogLevel.Error
            && e.Message.StartsWith($"Skipped a PodDefault: {bomb}:", StringComparison.Ordinal) && e.Message.Contains("passes 16 MiB", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_fifo_or_an_empty_file_holds_nothing_and_blocks_nothing()
    {
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", folder.File("pipe.yaml")))
            mkfifo.WaitForExit();
        File.CreateSymbolicLink(folder.File("zero.yaml"), "/dev/zero");
        folder.Write("empty.yaml", "");
        folder.Write("good.yaml", PodDefault("good"));

        var loading = Task.Run(() => folder.Source().Load());

        await loading.WaitAsync(TimeSpan.FromSeconds(20)); // before the size check, opening the FIFO blocked forever
        Assert.Equal(["good"], folder.Names());
        Assert.DoesNotContain(folder.Log.Entries, e => e.Level >= LogLevel.Warning);
    }
}
