using PodDefaults.Webhook.Cli;
using PodDefaults.Webhook.Server;
using static PodDefaults.Tests.Webhook.Sources.Files.DefaultsFolder;

namespace PodDefaults.Tests.Webhook.Sources.Files;

public sealed class FilePodDefaultSourceTests : FolderTests
{
    [Fact]
    public void Reads_a_folder_recursively_in_every_format_and_skips_dot_folders()
    {
        folder.Write("top.yaml", PodDefault("multi-1") + "---\n# only a comment\n---\n" + PodDefault("multi-2"));
        folder.Write("nested/deeper/json.json", """
            {"apiVersion": "kubeflow.org/v1alpha1", "kind": "PodDefault",
             "metadata": {"name": "from-json", "namespace": "team"}, "spec": {"selector": {}}}
            """);
        folder.Write("nested/list.yml", $"""
            apiVersion: v1
            kind: List
            items:
            {Indent(PodDefault("list-1"))}
            {Indent(PodDefault("list-2"))}
            """);
        folder.Write("nested/pdlist.yaml", $"""
            apiVersion: kubeflow.org/v1alpha1
            kind: PodDefaultList
            items:
            {Indent(PodDefault("typed-list"))}
            """);
        folder.Write("..data/hidden.yaml", PodDefault("hidden-data"));
        folder.Write("..2024_05_14_09_12_33.123/hidden.yaml", PodDefault("hidden-timestamped"));
        folder.Write(".git/hidden.yaml", PodDefault("hidden-dot"));
        folder.Write("notes.txt", PodDefault("not-yaml"));

        folder.Source().Load();

        Assert.Equal(
            ["from-json", "list-1", "list-2", "multi-1", "multi-2", "typed-list"],
            folder.Snapshots.Current.InNamespace("team").Select(pd => pd.Name));
        Assert.Equal(6, folder.Snapshots.Current.Count);
        Assert.DoesNotContain(folder.Log.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
    }

    [Fact]
    public void A_yaml_syntax_error_is_logged_with_path_and_line_and_the_other_files_load()
    {
        var broken = folder.Write("a-broken.yaml", "apiVersion: kubeflow.org/v1alpha1\nkind: PodDefault\nmetadata:\n  name: broken\n  labels: [x\nspec: {}\n");
        folder.Write("b-good.yaml", PodDefault("good"));

        folder.Source().Load();

        Assert.Equal(["good"], folder.Snapshots.Current.InNamespace("team").Select(pd => pd.Name));
        var problem = Assert.Single(folder.Log.Entries, e => e.Message.Contains(broken, StringComparison.Ordinal)).Message;
        Assert.Matches($@"^Skipped a PodDefault: {System.Text.RegularExpressions.Regex.Escape(broken)}:[56]: \S", problem);
    }

    [Fact]
    public void A_bad_document_is_logged_at_the_line_of_the_bad_node_and_the_other_documents_load()
    {
        var bad = PodDefault("bad").Replace("spec:\n", "spec:\n  env: {name: X}\n");
        var file = folder.Write("mixed.yaml", PodDefault("first") + "---\n" + bad + "---\n" + PodDefault("last"));
        var badEnvLine = PodDefault("first").Split('\n').Length + PodDefault("bad").Split('\n').ToList().IndexOf("spec:") + 2;

        folder.Source().Load();

        Assert.Equal(["first", "last"], folder.Snapshots.Current.InNamespace("team").Select(pd => pd.Name));
        var problem = Assert.Single(folder.Log.Entries, e => e.Message.Contains(file, StringComparison.Ordinal)).Message;
        Assert.StartsWith($"Skipped a PodDefault: {file}:{badEnvLine}: PodDefault bad: ", problem);
        Assert.Contains("env", problem);
    }

    [Fact]
    public void A_value_of_another_type_than_the_crd_declares_is_logged_with_path_line_and_field_and_the_other_documents_load()
    {
        // YAML reads `value: 1` as a number: in the patch, the API server could not decode the pod.
        var bad = PodDefault("bad").Replace("spec:\n", "spec:\n  env:\n  - name: X\n    value: 1\n");
        var file = folder.Write("typed.yaml", PodDefault("first") + "---\n" + bad);
        var valueLine = PodDefault("first").Split('\n').Length + 1 + bad.Split('\n').ToList().IndexOf("    value: 1");

        folder.Source().Load();

        Assert.Equal(["first"], folder.Snapshots.Current.InNamespace("team").Select(pd => pd.Name));
        var problem = Assert.Single(folder.Log.Entries, e => e.Message.Contains(file, StringComparison.Ordinal)).Message;
        Assert.StartsWith($"Skipped a PodDefault: {file}:{valueLine}: PodDefault bad: /spec/env/0/value: env[0].value must be a string", problem);
    }

    [Fact]
    public void A_selector_the_crd_would_refuse_still_loads_and_is_skipped_at_admission()
    {
        // Enum and CEL failures (and a selector's types) are not the file check's: the PodDefault loads, unusable.
        folder.Write("selector.yaml", PodDefault("odd").Replace("  selector: {}", "  selector:\n    matchExpressions:\n    - {key: tier, operator: Near, values: [1]}"));

        folder.Source().Load();

        Assert.False(Assert.Single(folder.Snapshots.Current.InNamespace("team")).Selector.IsValid);
    }

    [Fact]
    public async Task Reloads_on_change_keeps_the_last_good_version_of_a_broken_file_and_drops_a_deleted_one()
    {
        folder.Write("a.yaml", PodDefault("a", labels: "v: one"));
        folder.Write("b.yaml", PodDefault("b"));
        using var stop = new CancellationTokenSource();
        var running = folder.Source(poll: TimeSpan.FromMilliseconds(100)).RunAsync(stop.Token);
        try
        {
            await Eventually.TrueAsync(() => folder.Label("a") == "one", "the first reading is published");

            folder.Replace("a.yaml", PodDefault("a", labels: "v: two-changed"));
            await Eventually.TrueAsync(() => folder.Label("a") == "two-changed", "the changed file is published");

            folder.Replace("a.yaml", "metadata: [unclosed\n");
            await Eventually.TrueAsync(
                () => folder.Log.Warnings.Any(w => w.Contains("keeping the 1 PodDefaults", StringComparison.Ordinal)),
                "the broken file is read");
            Assert.Equal("two-changed", folder.Label("a"));
            Assert.NotNull(folder.Find("b"));

            File.Delete(folder.File("a.yaml"));
            await Eventually.TrueAsync(() => folder.Find("a") is null, "the deleted file's PodDefaults are gone");
            Assert.NotNull(folder.Find("b"));
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
        var missing = folder.File("not-there");

        var error = Assert.Throws<CliException>(() => ServeCommand.SourceFactory(new ServeOptions { DefaultsPath = missing }));

        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void A_poddefault_without_namespace_goes_to_default()
    {
        folder.Write("pd.yaml", PodDefault("no-namespace").Replace("  namespace: team\n", ""));

        folder.Source().Load();

        Assert.Equal("no-namespace", Assert.Single(folder.Snapshots.Current.InNamespace("default")).Name);
    }

    [Fact]
    public void A_poddefault_without_resource_version_gets_one_derived_from_its_content()
    {
        folder.Write("a.yaml", PodDefault("same"));
        folder.Write("b/other.yaml", PodDefault("same").Replace("namespace: team", "namespace: other"));
        folder.Write("c/changed.yaml", PodDefault("same", labels: "v: changed").Replace("namespace: team", "namespace: changed"));

        folder.Source().Load();
        var first = folder.Snapshots.Current;
        folder.Source().Load();

        var version = first.InNamespace("team").Single().ResourceVersion;
        Assert.Matches("^sha256-[0-9a-f]{16}$", version);
        Assert.Equal(version, folder.Snapshots.Current.InNamespace("team").Single().ResourceVersion);
        Assert.NotEqual(version, first.InNamespace("other").Single().ResourceVersion);
        Assert.NotEqual(version, first.InNamespace("changed").Single().ResourceVersion);
    }


    /// <summary>A document as an item of a list: "- " before its first line, two spaces before the others.</summary>
    private static string Indent(string document)
    {
        var lines = document.TrimEnd('\n').Split('\n');
        return string.Join("\n", lines.Select((line, i) => (i == 0 ? "- " : "  ") + line));
    }
}
