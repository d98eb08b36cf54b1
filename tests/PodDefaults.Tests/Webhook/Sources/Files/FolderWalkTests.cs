using PodDefaults.Webhook.FileSystem;
using PodDefaults.Webhook.Sources.Files;
using static PodDefaults.Tests.Webhook.Sources.Files.DefaultsFolder;

namespace PodDefaults.Tests.Webhook.Sources.Files;

/// <summary>
/// Listing the folder survives what a folder can hold: files vanishing while listed (issue 9, defect 4), symlink
/// loops (defect 5), links to nowhere, and the symlinks of a ConfigMap volume.
/// </summary>
public sealed class FolderWalkTests : FolderTests
{
    [Fact]
    public void A_file_that_vanishes_while_the_folder_is_listed_is_not_there()
    {
        folder.Write("kept.yaml", PodDefault("kept"));
        var path = new DefaultsPath(folder.Path)
        {
            // The folder said it held a file that is gone by the time it is looked at.
            ListFolder = dir => [.. Directory.EnumerateFileSystemEntries(dir).Select(entry => Path.GetFileName(entry)), "vanished.yaml"],
        };

        var listing = path.List();

        Assert.Equal([folder.File("kept.yaml")], listing.Files.Select(file => file.Path));
        Assert.Empty(listing.Unreadable);
    }

    [Fact]
    public async Task Files_created_and_deleted_in_a_loop_while_the_source_reloads_do_not_stop_it()
    {
        folder.Write("kept.yaml", PodDefault("kept"));
        var source = folder.Source(poll: TimeSpan.FromMilliseconds(1));

        await RunAsync(source, async () =>
        {
            await Eventually.TrueAsync(() => folder.Find("kept") is not null, "the first reading");
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(3);
            for (var round = 0; DateTime.UtcNow < deadline; round++)
            {
                var names = Enumerable.Range(0, 20).Select(i => folder.File($"churn-{i}.yaml")).ToArray();
                foreach (var name in names)
                    File.WriteAllText(name, PodDefault($"churn-{round}"));
                foreach (var name in names)
                    File.Delete(name);
                Assert.NotNull(folder.Find("kept"));
            }

            folder.Write("last.yaml", PodDefault("last"));
            await Eventually.TrueAsync(() => folder.Names().SequenceEqual(["kept", "last"]), "the source still reads");
        });
    }

    [Fact]
    public async Task A_symlink_loop_is_read_once_per_real_folder()
    {
        folder.Write("top.yaml", PodDefault("top"));
        folder.Write("sub/inner.yaml", PodDefault("inner"));
        Directory.CreateSymbolicLink(folder.File("sub/up"), "..");
        Directory.CreateSymbolicLink(folder.File("sub/self"), "../sub");
        File.CreateSymbolicLink(folder.File("sub/loop-a.yaml"), "loop-b.yaml");
        File.CreateSymbolicLink(folder.File("sub/loop-b.yaml"), "loop-a.yaml");
        File.CreateSymbolicLink(folder.File("dangling.yaml"), "nowhere.yaml");

        // Bounded: before the fix this never returned.
        var listing = await Task.Run(() => new DefaultsPath(folder.Path).List()).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal([folder.File("sub/inner.yaml"), folder.File("top.yaml")], listing.Files.Select(file => file.Path));
        Assert.Equal(
            [folder.File("sub/loop-a.yaml"), folder.File("sub/loop-b.yaml")],
            listing.Unreadable.Select(entry => entry.Path).Order(StringComparer.Ordinal));
        Assert.All(listing.Unreadable, entry => Assert.Contains("too many levels of symbolic links", entry.Reason));

        folder.Source().Load();
        Assert.Equal(["inner", "top"], folder.Names());
    }

    [Fact]
    public void A_linked_folder_is_followed_and_read_under_its_link()
    {
        using var elsewhere = new TempDirectory();
        File.WriteAllText(elsewhere.File("shared.yaml"), PodDefault("shared"));
        Directory.CreateSymbolicLink(folder.File("shared"), elsewhere.Path);
        Directory.CreateSymbolicLink(folder.File("again"), elsewhere.Path);

        var listing = new DefaultsPath(folder.Path).List();

        Assert.Equal([folder.File("again/shared.yaml")], listing.Files.Select(file => file.Path));
    }

    [Fact]
    public void Dot_dot_after_a_link_goes_up_from_where_the_link_points()
    {
        folder.Write("a/b/target.yaml", PodDefault("x"));
        Directory.CreateSymbolicLink(folder.File("link"), "a/b");

        Assert.Equal(folder.File("a"), RealPath.Of(folder.File("link/..")));
        Assert.Equal(folder.File("a/b/target.yaml"), RealPath.Of(folder.File("link/target.yaml")));
        Assert.Equal(folder.File("missing/x"), RealPath.Of(folder.File("missing/x")));
    }

    [Fact]
    public async Task A_configmap_volume_loads_once_and_an_update_by_its_symlink_swap_is_read()
    {
        // What the kubelet makes: the files live in a timestamped folder, ..data points to it, and each key is a
        // link through ..data. An update writes a new folder and renames a new ..data link over the old one.
        folder.Write("..2024_05_14_09_12_33.1/team.yaml", PodDefault("a", "v: one"));
        Directory.CreateSymbolicLink(folder.File("..data"), "..2024_05_14_09_12_33.1");
        File.CreateSymbolicLink(folder.File("team.yaml"), "..data/team.yaml");
        var source = folder.Source(poll: TimeSpan.FromMilliseconds(50));

        await RunAsync(source, async () =>
        {
            await Eventually.TrueAsync(() => folder.Label("a") == "one", "the first reading");
            Assert.Equal(["a"], folder.Names());

            folder.Write("..2024_05_14_09_13_40.2/team.yaml", PodDefault("a", "v: two-longer"));
            Directory.CreateSymbolicLink(folder.File("..data_tmp"), "..2024_05_14_09_13_40.2");
            using (var rename = System.Diagnostics.Process.Start("mv", ["-T", folder.File("..data_tmp"), folder.File("..data")]))
                rename.WaitForExit(); // rename(2) of the link itself, as the kubelet does; File.Move follows it
            Directory.Delete(folder.File("..2024_05_14_09_12_33.1"), recursive: true);

            await Eventually.TrueAsync(() => folder.Label("a") == "two-longer", "the update is read");
            Assert.Equal(["a"], folder.Names());
        });
    }
}
