using Microsoft.Extensions.Logging;
using PodDefaults.Webhook.Sources.Files;
using static PodDefaults.Tests.Webhook.Sources.Files.DefaultsFolder;

namespace PodDefaults.Tests.Webhook.Sources.Files;

/// <summary>
/// The file is the unit of publication, and nothing in the folder stops the source (issue 9, defect 3): each point
/// where reading can fail is made to fail, and the rest keeps loading while the failed part keeps what it had.
/// </summary>
public sealed class FileIsolationTests : FolderTests
{
    [Fact]
    public void A_file_with_one_bad_document_keeps_its_previous_version_whole()
    {
        folder.Write("team.yaml", Many(["a", "b", "c"], labels: "v: one"));
        var source = folder.Source();
        source.Load();
        Assert.Equal(["a", "b", "c"], folder.Names());

        // b is broken, a and c changed: none of it is published, not even the good documents.
        var bad = PodDefault("b").Replace("spec:\n", "spec:\n  env: {name: X}\n");
        folder.Replace("team.yaml", PodDefault("a", "v: two") + "---\n" + bad + "---\n" + PodDefault("c", "v: two"));
        source.Load();

        Assert.Equal(["a", "b", "c"], folder.Names());
        Assert.All(folder.Names(), name => Assert.Equal("one", folder.Label(name)));
        Assert.Contains(folder.Log.Warnings, w => w.Contains("team.yaml has 1 problems; keeping the 3 PodDefaults", StringComparison.Ordinal));
        Assert.Equal(1, source.Counters.Problems);

        folder.Replace("team.yaml", Many(["a", "c"], labels: "v: three"));
        source.Load();
        Assert.Equal(["a", "c"], folder.Names());
        Assert.Equal("three", folder.Label("a"));
    }

    [Fact]
    public void A_syntax_error_after_good_documents_keeps_the_previous_version_and_on_first_load_loads_those_before_it()
    {
        var file = folder.Write("team.yaml", PodDefault("first") + "---\nkind: PodDefault\nmetadata: [unclosed\n");
        var source = folder.Source();
        source.Load();

        Assert.Equal(["first"], folder.Names());
        Assert.Contains(folder.Log.Entries, e => e.Level == LogLevel.Error && e.Message.StartsWith($"Skipped a PodDefault: {file}:", StringComparison.Ordinal));

        folder.Replace("team.yaml", Many(["first", "second"]));
        source.Load();
        Assert.Equal(["first", "second"], folder.Names());

        folder.Replace("team.yaml", PodDefault("first", "v: new") + "---\nmetadata: [unclosed\n");
        source.Load();
        Assert.Equal(["first", "second"], folder.Names());
        Assert.Equal("x", folder.Label("first"));
    }

    [Fact]
    public void A_file_that_throws_when_read_keeps_its_previous_version_and_the_others_load()
    {
        folder.Write("a.yaml", PodDefault("a"));
        folder.Write("b.yaml", PodDefault("b"));
        var failing = false;
        var source = new FilePodDefaultSource(new DefaultsPath(folder.Path), folder.Snapshots, folder.Status, folder.Log, Timeout.InfiniteTimeSpan, TimeSpan.Zero)
        {
            ReadFile = file => failing && file.EndsWith("a.yaml", StringComparison.Ordinal)
                ? throw new InvalidOperationException("injected: the reader broke")
                : PodDefaultFileReader.Read(file),
        };
        source.Load();

        failing = true;
        folder.Replace("a.yaml", PodDefault("a", "v: changed"));
        folder.Write("c.yaml", PodDefault("c"));
        source.Load();

        Assert.Equal(["a", "b", "c"], folder.Names());
        Assert.Equal("x", folder.Label("a"));
        Assert.Contains(folder.Log.Entries, e => e.Message.Contains("injected: the reader broke", StringComparison.Ordinal));
        Assert.Equal(0, source.Counters.Failures);
    }

    [Fact]
    public void A_document_whose_parsing_throws_anything_is_reported_at_its_line_and_the_others_load()
    {
        var text = PodDefault("good") + "---\n" + PodDefault("throws") + "---\n" + PodDefault("after");
        var read = PodDefaultFileReader.Parse("team.yaml", System.Text.Encoding.UTF8.GetBytes(text), parse: (obj, ns) =>
            obj.GetProperty("metadata").GetProperty("name").GetString() == "throws"
                ? throw new NullReferenceException("injected")
                : PodDefaults.Core.Model.PodDefaultParser.Parse(obj, ns, deriveResourceVersion: true));

        Assert.Equal(["good", "after"], read.PodDefaults.Select(pd => pd.Name));
        var problem = Assert.Single(read.Problems);
        Assert.Equal(PodDefault("good").Split('\n').Length + 1, problem.Line);
        Assert.Contains("injected", problem.Reason);
        Assert.False(read.IsComplete);
    }

    [Fact]
    public void An_unreadable_subfolder_is_logged_and_counted_once_and_what_it_held_stays()
    {
        // Tests run as root, whom chmod 000 does not stop: the listing of that folder is made to fail instead.
        folder.Write("top.yaml", PodDefault("top"));
        folder.Write("locked/inside.yaml", PodDefault("inside"));
        var locked = false;
        var path = new DefaultsPath(folder.Path)
        {
            ListFolder = dir => locked && dir.EndsWith("/locked", StringComparison.Ordinal)
                ? throw new UnauthorizedAccessException($"Access to the path '{dir}' is denied.")
                : Directory.EnumerateFileSystemEntries(dir).Select(entry => Path.GetFileName(entry)),
        };
        var source = folder.Source(path: path);
        source.Load();
        Assert.Equal(["inside", "top"], folder.Names());

        locked = true;
        folder.Write("new.yaml", PodDefault("new"));
        source.Load();
        source.Load();

        Assert.Equal(["inside", "new", "top"], folder.Names());
        var warning = Assert.Single(folder.Log.Warnings, w => w.Contains("Cannot read part of the PodDefault folder", StringComparison.Ordinal));
        Assert.Contains(Path.Combine(folder.Path, "locked") + ": the folder cannot be read: Access to the path", warning);
        Assert.Equal(1, source.Counters.Unreadable);
        Assert.True(folder.Status.IsReady);
    }

    [Fact]
    public void A_subfolder_without_permission_is_reported_when_permissions_apply()
    {
        if (OperatingSystem.IsWindows())
            return;
        // The real thing, where the test runs as a user that chmod can stop; as root the listing succeeds and
        // there is nothing to report (the injected failure above covers that path).
        folder.Write("locked/inside.yaml", PodDefault("inside"));
        File.SetUnixFileMode(folder.File("locked"), UnixFileMode.None);
        bool deniedHere;
        try
        {
            Directory.EnumerateFileSystemEntries(folder.File("locked")).ToList();
            deniedHere = false;
        }
        catch (UnauthorizedAccessException)
        {
            deniedHere = true;
        }

        var listing = new DefaultsPath(folder.Path).List();

        Assert.Equal(deniedHere, listing.Unreadable.Any(u => u.Path == folder.File("locked")));
        Assert.Equal(!deniedHere, listing.Files.Any());
    }

    [Fact]
    public async Task A_reload_that_fails_as_a_whole_keeps_the_snapshot_and_is_counted_and_a_later_one_recovers()
    {
        using var parent = new TempDirectory();
        var root = Path.Combine(parent.Path, "defaults");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "a.yaml"), PodDefault("a"));
        var source = folder.Source(poll: TimeSpan.FromMilliseconds(50), path: new DefaultsPath(root));

        await RunAsync(source, async () =>
        {
            await Eventually.TrueAsync(() => folder.Names().SequenceEqual(["a"]), "the first reading");
            var generation = folder.Snapshots.Current.Generation;

            Directory.Move(root, root + ".moved");
            await Eventually.TrueAsync(() => source.Counters.Failures > 0, "a reload fails");
            Assert.Equal(["a"], folder.Names());
            Assert.Equal(generation, folder.Snapshots.Current.Generation);
            Assert.Contains(folder.Log.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("the 1 PodDefaults published stay", StringComparison.Ordinal));

            Directory.Move(root + ".moved", root);
            File.WriteAllText(Path.Combine(root, "b.yaml"), PodDefault("b"));
            await Eventually.TrueAsync(() => folder.Names().SequenceEqual(["a", "b"]), "the folder is back");
        });
    }

    [Fact]
    public void Files_and_documents_that_are_not_poddefaults_are_skipped_quietly_and_counted()
    {
        folder.Write("kustomization.yaml", "resources:\n- poddefaults.yaml\nnamespace: team\n");
        folder.Write("configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n");
        folder.Write("README.md", "# not YAML: *not* read\n");
        folder.Write("notes.yaml", "just a sentence\n");
        folder.Write("poddefaults.yaml", PodDefault("a") + "---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\n");
        folder.Write("list.yaml", "apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Secret, metadata: {name: s}}\n- {apiVersion: kubeflow.org/v1alpha1, metadata: {name: b, namespace: team}, spec: {}}\n");
        var source = folder.Source();

        source.Load();

        Assert.Equal(["a", "b"], folder.Names());
        Assert.DoesNotContain(folder.Log.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal(5, source.Counters.NotPodDefaults);
        Assert.Equal(0, source.Counters.Problems);
        Assert.Contains(folder.Log.Entries, e => e.Level == LogLevel.Debug && e.Message.Contains("kustomization.yaml that are not PodDefaults", StringComparison.Ordinal));
    }
}
