namespace PodDefaults.Tests.Webhook.Cli;

public sealed class ExplainCommandTests : WorkspaceTests
{
    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: trainer
          namespace: ml
          labels:
            app: trainer
            tier: cpu
          annotations:
            poddefault.admission.kubeflow.org/poddefault-done: "7"
        spec:
          containers:
          - name: main
            image: pytorch
            env:
            - name: MODE
              value: train
        """;

    private readonly string pod;

    public ExplainCommandTests() => pod = workspace.Write("pod.yaml", Pod);

    [Fact]
    public void A_selector_miss_names_the_first_unmet_term()
    {
        Define("gpu", """
            selector:
              matchLabels:
                app: trainer
              matchExpressions:
              - {key: tier, operator: In, values: [gpu]}
              - {key: zone, operator: Exists}
            """);

        var result = Explain();

        Assert.Contains("  gpu: skipped: selector does not match (tier in (gpu) not met)\n", result.Stdout);
        Assert.EndsWith("Result: no change.\n", result.Stdout);
    }

    [Fact]
    public void An_invalid_selector_says_what_is_wrong()
    {
        Define("broken", """
            selector:
              matchExpressions:
              - {key: tier, operator: Near, values: [cpu]}
            """);

        var result = Explain();

        Assert.Matches(@"  broken: skipped: invalid selector: matchExpressions\[0\]: .*Near", result.Stdout);
    }

    /// <summary>One PodDefault <c>done</c> (its spec, its resourceVersion), then its line and the result explain prints.</summary>
    public static TheoryData<string, string, string, string> MarkedPodDefaults => new()
    {
        // Already applied: the line names the marker's version.
        {
            """
            selector: {}
            labels: {done: "yes"}
            """,
            "7", "  done: skipped: already applied (marker at resourceVersion 7)\n", "Result: no change.\n"
        },
        // Edited since the pod was admitted (version 7 to 8), but everything it sets is on the pod already.
        {
            """
            selector:
              matchLabels: {app: trainer}
            labels: {tier: cpu}
            env:
            - {name: MODE, value: train}
            """,
            "8", "  done: already applied (the pod has everything it sets; only its marker would move to resourceVersion 8)\n",
            "Result: already applied; only the marker annotations would be updated (1 operation).\n"
        },
        // Behind its marker and adding something: it still applies.
        {
            """
            selector:
              matchLabels: {app: trainer}
            env:
            - {name: MODE, value: train}
            - {name: SEED, value: "1"}
            """,
            "8", "  done: applies\n", "Result: would patch 2 operations.\n"
        },
    };

    [Theory]
    [MemberData(nameof(MarkedPodDefaults))]
    public void A_poddefault_against_its_marker_is_explained(string spec, string resourceVersion, string line, string result)
    {
        Define("done", spec, resourceVersion: resourceVersion);

        var explained = Explain();

        Assert.Contains(line, explained.Stdout);
        Assert.EndsWith(result, explained.Stdout);
    }

    [Fact]
    public void A_conflict_is_listed_under_its_poddefault_and_explain_still_exits_0()
    {
        Define("a-labels", """
            selector: {}
            labels: {team: ml}
            """);
        Define("b-mode", """
            selector:
              matchLabels: {app: trainer}
            env:
            - {name: MODE, value: serve}
            - {name: PORT, value: "8080"}
            """);

        var result = Explain();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            """
            PodDefaults in namespace ml, in apply order, for pod trainer:
              a-labels: applies
              b-mode: conflict: env "MODE" of container main: the pod has "train", poddefault b-mode wants "serve"
            Result: would reject the pod (1 conflict).

            """,
            result.Stdout);
    }

    [Fact]
    public void Every_poddefault_of_the_namespace_is_listed_in_apply_order_with_the_patch_size()
    {
        Define("z-env", """
            selector: {}
            env:
            - {name: PORT, value: "8080"}
            """);
        Define("a-labels", """
            selector: {}
            labels: {team: ml}
            """);
        Define("elsewhere", "selector: {}", @namespace: "other");

        var result = Explain();

        Assert.Equal(
            """
            PodDefaults in namespace ml, in apply order, for pod trainer:
              a-labels: applies
              z-env: applies
            Result: would patch 4 operations.

            """,
            result.Stdout);
    }

    [Fact]
    public void A_chained_poddefault_names_the_label_and_the_poddefault_that_added_it()
    {
        Define("a-gpu-env", """
            selector:
              matchLabels: {pool: gpu}
            env:
            - {name: NCCL_DEBUG, value: WARN}
            """);
        Define("c-accelerator", """
            selector:
              matchLabels: {app: trainer}
            labels: {accelerator: gpu}
            """);
        Define("pool-gpu", """
            selector:
              matchLabels: {accelerator: gpu}
            labels: {pool: gpu}
            """);
        Define("z-no-accelerator", """
            selector:
              matchExpressions:
              - {key: accelerator, operator: DoesNotExist}
            """);

        var result = Explain();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith(
            """
            PodDefaults in namespace ml, in apply order, for pod trainer:
              a-gpu-env: applies: selected through label pool=gpu added by pool-gpu
              c-accelerator: applies
              pool-gpu: applies: selected through label accelerator=gpu added by c-accelerator
              z-no-accelerator: skipped: selector does not match (!accelerator not met: label accelerator=gpu added by c-accelerator)
            Result: would patch
            """.ReplaceLineEndings("\n"),
            result.Stdout);
    }

    [Fact]
    public void A_namespace_without_poddefaults_says_so()
    {
        var result = Explain();

        Assert.Equal("No PodDefaults in namespace ml.\nResult: no change.\n", result.Stdout);
    }

    [Fact]
    public void An_excluded_pod_is_explained()
    {
        Define("any", "selector: {}\nlabels: {x: z}");
        var excluded = workspace.Write("excluded.yaml", Pod.Replace(
            "  annotations:\n", "  annotations:\n    poddefault.admission.kubeflow.org/exclude: \"true\"\n"));

        var result = CliWorkspace.Run("explain", "-f", excluded, "--defaults", workspace.Defaults);

        Assert.Contains("  any: skipped: the pod is excluded\n", result.Stdout);
        Assert.Contains("Result: no change: the pod opts out", result.Stdout);
    }

    private CliResult Explain() => CliWorkspace.Run("explain", "-f", pod, "--defaults", workspace.Defaults);

    private void Define(string name, string spec, string resourceVersion = "1", string @namespace = "ml")
    {
        var indented = string.Join("\n", spec.Split('\n').Select(line => "  " + line));
        workspace.WriteDefaults(name + ".yaml", $"""
            apiVersion: kubeflow.org/v1alpha1
            kind: PodDefault
            metadata:
              name: {name}
              namespace: {@namespace}
              resourceVersion: "{resourceVersion}"
            spec:
            {indented}
            """);
    }
}
