using PodDefaults.Webhook.Cli;
using PodDefaults.Webhook.Server;
using PodDefaults.Webhook.Sources;
using PodDefaults.Webhook.Sources.Files;

namespace PodDefaults.Tests.Webhook.Sources.Files;

public sealed class FilePodDefaultSourceTests : IDisposable
{
    private readonly TempDirectory dir = new();
    private readonly SnapshotHolder snapshots = new();
    private readonly RecordingLogger<FilePodDefaultSource> log = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Reads_a_folder_recursively_in_every_format_and_skips_dot_folders()
    {
        Write("top.yaml", PodDefault("multi-1") + "---\n# only a comment\n---\n" + PodDefault("multi-2"));
        Write("nested/deeper/json.json", """
            {"apiVersion": "kubeflow.org/v1alpha1", "kind": "PodDefault",
             "metadata": {"name": "from-json", "namespace": "team"}, "spec": {"selector": {}}}
            """);
        Write("nested/list.yml", $"""
            apiVersion: v1
            kind: List
            items:
            {Indent(PodDefault("list-1"))}
            {Indent(PodDefault("list-2"))}
            """);
        Write("nested/pdlist.yaml", $"""
            apiVersion: kubeflow.org/v1alpha1
            kind: PodDefaultList
            items:
            {Indent(PodDefault("typed-list"))}
            """);
        Write("..data/hidden.yaml", PodDefault("hidden-data"));
        Write("..2024_05_14_09_12_33.123/hidden.yaml", PodDefault("hidden-timestamped"));
        Write(".git/hidden.yaml", PodDefault("hidden-dot"));
        Write("notes.txt", PodDefault("not-yaml"));

        Source().Load();

        Assert.Equal(
            ["from-json", "list-1", "list-2", "multi-1", "multi-2", "typed-list"],
            snapshots.Current.InNamespace("team").Select(pd => pd.Name));
        Assert.Equal(6, snapshots.Current.Count);
        Assert.DoesNotContain(log.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
    }

    [Fact]
    public void A_yaml_syntax_error_is_logged_with_path_and_line_and_the_other_files_load()
    {
        var broken = Write("a-broken.yaml", "apiVersion: kubeflow.org/v1alpha1\nkind: PodDefault\nmetadata:\n  name: broken\n  labels: [x\nspec: {}\n");
        Write("b-good.yaml", PodDefault("good"));

        Source().Load();

        Assert.Equal(["good"], snapshots.Current.InNamespace("team").Select(pd => pd.Name));
        var problem = Assert.Single(log.Entries, e => e.Message.Contains(broken, StringComparison.Ordinal)).Message;
        Assert.Matches($@"^Skipped a PodDefault: {System.Text.RegularExpressions.Regex.Escape(broken)}:[56]: \S", problem);
    }

    [Fact]
    public void A_bad_document_is_logged_at_the_line_of_the_bad_node_and_the_other_documents_load()
    {
        var bad = PodDefault("bad").Replace("spec:\n", "spec:\n  env: {name: X}\n");
        var file = Write("mixed.yaml", PodDefault("first") + "---\n" + bad + "---\n" + PodDefault("last"));
        var badEnvLine = PodDefault("first").Split('\n').Length + PodDefault("bad").Split('\n').ToList().IndexOf("spec:") + 2;

        Source().Load();

        Assert.Equal(["first", "last"], snapshots.Current.InNamespace("team").Select(pd => pd.Name));
        var problem = Assert.Single(log.Entries, e => e.Message.Contains(file, StringComparison.Ordinal)).Message;
        Assert.StartsWith($"Skipped a PodDefault: {file}:{badEnvLine}: PodDefault bad: ", problem);
        Assert.Contains("env", problem);
    }

    [Fact]
    public void A_value_of_another_type_than_the_crd_declares_is_logged_with_path_line_and_field_and_the_other_documents_load()
    {
        // YAML reads `value: 1` as a number: in the patch, the API server could not decode the pod.
        var bad = PodDefault("bad").Replace("spec:\n", "spec:\n  env:\n  - name: X\n    value: 1\n");
        var file = Write("typed.yaml", PodDefault("first") + "---\n" + bad);
        var valueLine = PodDefault("first").Split('\n').Length + 1 + bad.Split('\n').ToList().IndexOf("    value: 1");

        Source().Load();

        Assert.Equal(["first"], snapshots.Current.InNamespace("team").Select(pd => pd.Name));
        var problem = Assert.Single(log.Entries, e => e.Message.Contains(file, StringComparison.Ordinal)).Message;
        Assert.StartsWith($"Skipped a PodDefault: {file}:{valueLine}: PodDefault bad: /spec/env/0/value: env[0].value must be a string", problem);
    }

    [Fact]
    public void A_selector_the_crd_would_refuse_still_loads_and_is_skipped_at_admission()
    {
        // Enum and CEL failures (and a selector's types) are not the file check's: the PodDefault loads, unusable.
        Write("selector.yaml", PodDefault("odd").Replace("  selector: {}", "  selector:\n    matchExpressions:\n    - {key: tier, operator: Near, values: [1]}"));

        Source().Load();

        Assert.False(Assert.Single(snapshots.Current.InNamespace("team")).Selector.IsValid);
    }

    [Fact]
    public async Task Reloads_on_change_keeps_the_last_good_version_of_a_broken_file_and_drops_a_deleted_one()
    {
        Write("a.yaml", PodDefault("a", labels: "v: one"));
        Write("b.yaml", PodDefault("b"));
        using var stop = new CancellationTokenSource();
        var running = Source(TimeSpan.FromMilliseconds(100)).RunAsync(stop.Token);
        try
        {
            await Eventually.TrueAsync(() => Label("a") == "one", "the first reading is published");

            Replace("a.yaml", PodDefault("a", labels: "v: two-changed"));
            await Eventually.TrueAsync(() => Label("a") == "two-changed", "the changed file is published");

            Replace("a.yaml", "metadata: [unclosed\n");
            await Eventually.TrueAsync(
                () => log.Warnings.Any(w => w.Contains("keeping the 1 PodDefaults", StringComparison.Ordinal)),
                "the broken file is read");
            Assert.Equal("two-changed", Label("a"));
            Assert.NotNull(Find("b"));

            File.Delete(dir.File("a.yaml"));
            await Eventually.TrueAsync(() => Find("a") is null, "the deleted file's PodDefaults are gone");
            Assert.NotNull(Find("b"));
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await running;
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    [Fact]
    public void A_missing_defaults_path_fails_the_start_naming_it()
    {
        var missing = dir.File("not-there");

        var error = Assert.Throws<CliException>(() => ServeCommand.SourceFactory(new ServeOptions { DefaultsPath = missing }));

        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void A_poddefault_without_namespace_goes_to_default()
    {
        Write("pd.yaml", PodDefault("no-namespace").Replace("  namespace: team\n", ""));

        Source().Load();

        Assert.Equal("no-namespace", Assert.Single(snapshots.Current.InNamespace("default")).Name);
    }

    [Fact]
    public void A_poddefault_without_resource_version_gets_one_derived_from_its_content()
    {
        Write("a.yaml", PodDefault("same"));
        Write("b/other.yaml", PodDefault("same").Replace("namespace: team", "namespace: other"));
        Write("c/changed.yaml", PodDefault("same", labels: "v: changed").Replace("namespace: team", "namespace: changed"));

        Source().Load();
        var first = snapshots.Current;
        Source().Load();

        var version = first.InNamespace("team").Single().ResourceVersion;
        Assert.Matches("^sha256-[0-9a-f]{16}$", version);
        Assert.Equal(version, snapshots.Current.InNamespace("team").Single().ResourceVersion);
        Assert.NotEqual(version, first.InNamespace("other").Single().ResourceVersion);
        Assert.NotEqual(version, first.InNamespace("changed").Single().ResourceVersion);
    }

    /// <summary>A source that reads a change at once: these tests are not about settling (see FileSettleTests).</summary>
    private FilePodDefaultSource Source(TimeSpan? poll = null) =>
        new(new DefaultsPath(dir.Path), snapshots, new SourceStatus(TimeProvider.System), log, poll ?? Timeout.InfiniteTimeSpan, settlePeriod: TimeSpan.Zero);

    private string Write(string name, string text)
    {
        var path = dir.File(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Rewrites a file in one step (write beside it, rename over it), as editors and ConfigMap volumes do.</summary>
    private void Replace(string name, string text)
    {
        var temporary = dir.File(name + ".tmp");
        File.WriteAllText(temporary, text);
        File.Move(temporary, dir.File(name), overwrite: true);
    }

    private PodDefault? Find(string name) => snapshots.Current.InNamespace("team").SingleOrDefault(pd => pd.Name == name);

    private string? Label(string name) => Find(name)?.Spec.Labels.SingleOrDefault()?.Value.GetString();

    private static string PodDefault(string name, string labels = "v: x") => DefaultsFolder.PodDefault(name, labels);

    /// <summary>A document as an item of a list: "- " before its first line, two spaces before the others.</summary>
    private static string Indent(string document)
    {
        var lines = document.TrimEnd('\n').Split('\n');
        return string.Join("\n", lines.Select((line, i) => (i == 0 ? "- " : "  ") + line));
    }
}
