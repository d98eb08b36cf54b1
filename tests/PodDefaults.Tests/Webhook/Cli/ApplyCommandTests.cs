using PodDefaults.Tests.Conformance;

namespace PodDefaults.Tests.Webhook.Cli;

public sealed class ApplyCommandTests : WorkspaceTests
{
    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          labels:
            app: web
        spec:
          containers:
          - name: main
            image: nginx
        """;

    [Fact]
    public void Prints_the_admitted_pod_of_conformance_case_01_as_yaml()
    {
        var testCase = ConformanceCase.Load("01-blog-env-var.yaml");
        var (pod, _) = WriteCase(testCase);

        var result = CliWorkspace.Run("apply", "-f", pod, "--defaults", workspace.Defaults);

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertJson(testCase.Expect["pod"], result.YamlOutput());
        Assert.Equal("", result.Stderr);
        Assert.Contains("\n  annotations:\n    poddefault.admission.kubeflow.org/poddefault-env-var-poddefault: \"1001\"\n", result.Stdout);
    }

    [Fact]
    public void Prints_json_with_o_json()
    {
        var testCase = ConformanceCase.Load("01-blog-env-var.yaml");
        var (pod, _) = WriteCase(testCase);

        var result = CliWorkspace.Run("apply", "-f", pod, "--defaults", workspace.Defaults, "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertJson(testCase.Expect["pod"], result.JsonOutput());
    }

    [Fact]
    public void Prints_a_patch_that_another_rfc6902_implementation_applies_with_o_patch()
    {
        var testCase = ConformanceCase.Load("06-blog-env-and-gpu.yaml");
        var (pod, _) = WriteCase(testCase);

        var result = CliWorkspace.Run("apply", "-f", pod, "--defaults", workspace.Defaults, "--output=patch");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.All(result.JsonOutput()!.AsArray(), operation => Assert.Equal("add", (string?)operation!["op"]));
        var patched = ConformanceJudge.ApplyPatch(testCase.Pod.ToJsonString(), result.Stdout);
        AssertJson(testCase.Expect["pod"], JsonNode.Parse(patched.ToString()));
    }

    [Fact]
    public void A_pod_that_needs_no_change_gives_an_empty_patch_and_itself()
    {
        var pod = workspace.Write("pod.yaml", Pod.Replace("name: web\n", "name: web\n  namespace: shop\n"));

        var patch = CliWorkspace.Run("apply", "-f", pod, "--defaults", workspace.Defaults, "-o", "patch");
        var yaml = CliWorkspace.Run("apply", "-f", pod, "--defaults", workspace.Defaults);

        Assert.Equal("[]\n", patch.Stdout);
        Assert.Equal(Pod.Replace("name: web\n", "name: web\n  namespace: shop\n") + "\n", yaml.Stdout);
    }

    [Fact]
    public void A_conflict_exits_1_with_the_webhooks_message_on_stderr()
    {
        var testCase = ConformanceCase.Load("17-env-conflict-between-poddefaults.yaml");
        var (pod, _) = WriteCase(testCase);

        var result = CliWorkspace.Run("apply", "-f", pod, "--defaults", workspace.Defaults);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith(ConformanceJudge.ConflictPrefix + "logging-info,logging-warn on pod: api-server err: ", result.Stderr);
        foreach (var part in testCase.Expect["messageContains"]!.AsArray())
            Assert.Contains((string)part!, result.Stderr);
    }

    [Fact]
    public void A_pod_in_another_namespace_than_n_is_refused_as_kubectl_does()
    {
        var pod = workspace.Write("pod.yaml", Pod.Replace("name: web\n", "name: web\n  namespace: a\n"));

        var result = CliWorkspace.Run("apply", "-f", pod, "--defaults", workspace.Defaults, "-n", "b");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal(
            "poddefaults: the namespace from the provided object \"a\" does not match the namespace \"b\". You must pass '--namespace=a' to perform this operation.\n",
            result.Stderr);
    }

    [Fact]
    public void A_pod_without_namespace_is_created_in_default_without_n()
    {
        workspace.WriteDefaults("env.yaml", EnvPodDefault("in-default", "default") + "---\n" + EnvPodDefault("in-team", "team-a"));
        var pod = workspace.Write("pod.yaml", Pod);

        var result = CliWorkspace.Run("apply", "-f", pod, "--defaults", workspace.Defaults, "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var admitted = result.JsonOutput()!;
        Assert.Equal("default", (string?)admitted["metadata"]!["namespace"]);
        Assert.Equal("in-default", (string?)admitted["spec"]!["containers"]![0]!["env"]![0]!["name"]);
        Assert.Single(admitted["spec"]!["containers"]![0]!["env"]!.AsArray());
    }

    [Fact]
    public void A_pod_without_namespace_is_created_in_n_and_poddefaults_without_namespace_join_it()
    {
        workspace.WriteDefaults("env.yaml", EnvPodDefault("no-namespace", null) + "---\n" + EnvPodDefault("in-default", "default"));
        var pod = workspace.Write("pod.yaml", Pod);

        var result = CliWorkspace.Run("apply", "-f", pod, "--defaults", workspace.Defaults, "-n", "team-a", "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var admitted = result.JsonOutput()!;
        Assert.Equal("team-a", (string?)admitted["metadata"]!["namespace"]);
        var env = admitted["spec"]!["containers"]![0]!["env"]!.AsArray();
        Assert.Equal("no-namespace", (string?)Assert.Single(env)!["name"]);
    }

    [Fact]
    public void The_pod_is_read_from_stdin_with_f_dash()
    {
        workspace.WriteDefaults("env.yaml", EnvPodDefault("in-default", "default"));

        var result = CliWorkspace.RunWithStdin(Pod, "apply", "-f", "-", "--defaults", workspace.Defaults, "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("in-default", (string?)result.JsonOutput()!["spec"]!["containers"]![0]!["env"]![0]!["name"]);
    }

    [Fact]
    public void Bad_yaml_in_the_pod_file_is_reported_with_path_and_line()
    {
        var pod = workspace.Write("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: [app\nspec: {}\n");

        var result = CliWorkspace.Run("apply", "-f", pod, "--defaults", workspace.Defaults);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Matches($@"^poddefaults: {System.Text.RegularExpressions.Regex.Escape(pod)}:[56]: \S", result.Stderr);
    }

    [Theory]
    [InlineData("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n", "2: kind is \"Deployment\"; expected kind: Pod")]
    [InlineData("kind: Pod\nmetadata:\n  name: web\n", "1: apiVersion is missing; expected apiVersion: v1")]
    [InlineData("apiVersion: v1\nkind: Pod\n---\napiVersion: v1\nkind: Pod\n", "4: a second document; expected one Pod")]
    [InlineData("# nothing\n", " no object in it; expected one Pod")]
    [InlineData("- a\n- b\n", "1: expected a Pod object")]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers: main\n", "6: not a pod the webhook can read: spec.containers: expected a list")]
    public void A_file_that_is_not_one_pod_is_reported_with_path_and_line(string text, string expected)
    {
        var pod = workspace.Write("pod.yaml", text);

        var result = CliWorkspace.Run("apply", "-f", pod, "--defaults", workspace.Defaults);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"poddefaults: {pod}:{expected}", result.Stderr);
    }

    [Fact]
    public void A_broken_poddefault_file_is_reported_and_the_others_still_apply()
    {
        var broken = workspace.WriteDefaults("a-broken.yaml", "apiVersion: kubeflow.org/v1alpha1\nkind: PodDefault\nmetadata:\n  name: broken\n\tnamespace: default\n");
        var badDocument = workspace.WriteDefaults("b-env-not-a-list.yaml",
            EnvPodDefault("good-too", "default") + "---\n" + EnvPodDefault("bad", "default").Replace("  env:\n  - name: bad\n    value: \"on\"\n", "  env: bad\n"));
        workspace.WriteDefaults("c-good.yaml", EnvPodDefault("good", "default"));
        var pod = workspace.Write("pod.yaml", Pod);

        var result = CliWorkspace.Run("apply", "-f", pod, "--defaults", workspace.Defaults, "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches($@"(?m)^{System.Text.RegularExpressions.Regex.Escape(broken)}:5: ", result.Stderr);
        var badLine = EnvPodDefault("good-too", "default").Split('\n').Length + 10;
        Assert.Contains($"{badDocument}:{badLine}: PodDefault bad: ", result.Stderr);
        var env = result.JsonOutput()!["spec"]!["containers"]![0]!["env"]!.AsArray();
        Assert.Equal(["good", "good-too"], env.Select(e => (string)e!["name"]!));
    }

    [Fact]
    public void A_poddefault_defined_twice_is_reported_and_the_last_file_wins()
    {
        workspace.WriteDefaults("a.yaml", EnvPodDefault("twice", "default"));
        workspace.WriteDefaults("b.yaml", EnvPodDefault("twice", "default").Replace("value: \"on\"", "value: from-b"));
        var pod = workspace.Write("pod.yaml", Pod);

        var result = CliWorkspace.Run("apply", "-f", pod, "--defaults", workspace.Defaults, "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("PodDefault default/twice is defined 2 times; the last file in path order wins\n", result.Stderr);
        Assert.Equal("from-b", (string?)result.JsonOutput()!["spec"]!["containers"]![0]!["env"]![0]!["value"]);
    }

    [Fact]
    public void Admission_warnings_go_to_stderr()
    {
        workspace.WriteDefaults("bad-selector.yaml", """
            apiVersion: kubeflow.org/v1alpha1
            kind: PodDefault
            metadata:
              name: bad-selector
              namespace: default
            spec:
              selector:
                matchExpressions:
                - {key: tier, operator: In, values: []}
            """);
        var pod = workspace.Write("pod.yaml", Pod);

        var result = CliWorkspace.Run("apply", "-f", pod, "--defaults", workspace.Defaults);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Warning: poddefault bad-selector skipped: ", result.Stderr);
        Assert.Equal(Pod.Replace("name: web\n", "name: web\n  namespace: default\n") + "\n", result.Stdout);
    }

    [Theory]
    [InlineData(new[] { "apply", "--defaults", "." }, "poddefaults: -f is required (or --pod NAME for a pod in the cluster)\n")]
    [InlineData(new[] { "apply", "-f", "pod.yaml", "--defaults", ".", "-o", "wide" }, "poddefaults: -o \"wide\" is not one of yaml, json, patch\n")]
    [InlineData(new[] { "apply", "-f", "pod.yaml", "--defaults", ".", "--force" }, "poddefaults: unknown argument \"--force\"\n")]
    [InlineData(new[] { "apply", "-f", "/no/such/pod.yaml", "--defaults", "." }, "poddefaults: /no/such/pod.yaml: no such file\n")]
    public void Wrong_arguments_exit_2_with_a_message(string[] args, string message)
    {
        var result = CliWorkspace.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(message, result.Stderr);
    }

    [Fact]
    public void Without_defaults_or_a_cluster_the_error_says_to_pass_defaults()
    {
        var result = CliWorkspace.Run("apply", "-f", "pod.yaml", "--kubeconfig", Path.Combine(workspace.Root, "no-kubeconfig"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("poddefaults: no cluster to read PodDefaults from: ", result.Stderr);
        Assert.EndsWith("; or pass --defaults PATH\n", result.Stderr);
    }

    [Fact]
    public void A_missing_defaults_path_exits_2_naming_it()
    {
        var pod = workspace.Write("pod.yaml", Pod);
        var missing = Path.Combine(workspace.Root, "nowhere");

        var result = CliWorkspace.Run("apply", "-f", pod, "--defaults", missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(missing, result.Stderr);
    }

    [Fact]
    public void Usage_names_apply_and_explain()
    {
        var result = CliWorkspace.Run("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("poddefaults apply -f POD --defaults PATH [-n NAMESPACE] [-o yaml|json|patch]", result.Stdout);
        Assert.Contains("poddefaults explain -f POD --defaults PATH [-n NAMESPACE]", result.Stdout);
        Assert.Contains("poddefaults serve [--defaults PATH | --kubeconfig FILE]", result.Stdout);
    }

    /// <summary>A PodDefault selecting app=web that adds one env var named after it.</summary>
    internal static string EnvPodDefault(string name, string? @namespace) => $"""
        apiVersion: kubeflow.org/v1alpha1
        kind: PodDefault
        metadata:
          name: {name}
        {(@namespace is null ? "" : $"  namespace: {@namespace}\n")}spec:
          selector:
            matchLabels:
              app: web
          env:
          - name: {name}
            value: "on"

        """;

    private (string Pod, string Defaults) WriteCase(ConformanceCase testCase)
    {
        var defaults = workspace.WriteDefaults("case.json", testCase.PodDefaultListJson());
        var pod = workspace.Write("pod.json", testCase.Pod.ToJsonString());
        return (pod, defaults);
    }

    private static void AssertJson(JsonNode? expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected?.ToJsonString()}\nactual   {actual?.ToJsonString()}");
}
