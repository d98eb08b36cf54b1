using PodDefaults.ApiServerStandIn;
using PodDefaults.Tests.Webhook.Sources.Cluster;

namespace PodDefaults.Tests.Webhook.Cli;

/// <summary><c>explain</c> without <c>--defaults</c>: the PodDefaults the cluster holds (the stand-in API server), for a pod file or an existing pod.</summary>
public sealed class ExplainClusterTests : IAsyncLifetime
{
    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web-1
          labels:
            app: frontend
        spec:
          containers:
          - name: main
            image: nginx
        """;

    private readonly CliWorkspace workspace = new();
    private readonly TestKubeconfig kubeconfigs = new();
    private StandInApiServer apiServer = null!;
    private string kubeconfig = "";

    public async Task InitializeAsync()
    {
        apiServer = await StandInApiServer.StartAsync();
        apiServer.Store.Put(PodDefaultObjects.Env("web", "proxy", "frontend", "HTTPS_PROXY", "http://proxy:3128"));
        apiServer.Store.Put(PodDefaultObjects.Env("web", "backend-only", "backend", "DB", "postgres"));
        apiServer.Store.Put(PodDefaultObjects.Env("default", "in-default", "frontend", "X", "y"));
        kubeconfig = kubeconfigs.Write(apiServer.BaseUri, "", "token: any");
    }

    public async Task DisposeAsync()
    {
        workspace.Dispose();
        kubeconfigs.Dispose();
        await apiServer.DisposeAsync();
    }

    [Fact]
    public void A_pod_file_is_explained_against_the_clusters_poddefaults()
    {
        var pod = workspace.Write("pod.yaml", Pod);

        var result = CliWorkspace.Run("explain", "-f", pod, "-n", "web", "--kubeconfig", kubeconfig);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("  proxy: applies\n", result.Stdout);
        Assert.Contains("  backend-only: skipped: selector does not match (app=backend not met)\n", result.Stdout);
        Assert.DoesNotContain("in-default", result.Stdout);
        Assert.DoesNotContain("Hint:", result.Stdout);
        Assert.Single(apiServer.Lists);
    }

    [Fact]
    public void An_existing_pod_is_read_from_the_cluster()
    {
        apiServer.Pods[("web", "web-1")] = """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-1","namespace":"web","labels":{"app":"backend"}},
             "spec":{"containers":[{"name":"main","image":"nginx"}]}}
            """;

        var result = CliWorkspace.Run("explain", "-n", "web", "--pod", "web-1", "--kubeconfig", kubeconfig);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("  backend-only: applies\n", result.Stdout);
        Assert.Contains("  proxy: skipped: selector does not match (app=frontend not met)\n", result.Stdout);
    }

    [Fact]
    public void A_pod_that_does_not_exist_is_named()
    {
        var result = CliWorkspace.Run("explain", "-n", "web", "--pod", "nope", "--kubeconfig", kubeconfig);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("poddefaults: cannot get pod web/nope from ", result.Stderr);
        Assert.Contains("not found", result.Stderr);
    }

    [Fact]
    public void A_pod_without_a_namespace_gets_a_hint_about_n()
    {
        var pod = workspace.Write("pod.yaml", Pod);

        var result = CliWorkspace.Run("explain", "-f", pod, "--kubeconfig", kubeconfig);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("  in-default: applies\n", result.Stdout);
        Assert.EndsWith("Hint: the pod names no namespace, so it was explained in \"default\"; pass -n NAMESPACE for another.\n", result.Stdout);
    }

    [Fact]
    public void Apply_reads_the_cluster_too()
    {
        var pod = workspace.Write("pod.yaml", Pod);

        var result = CliWorkspace.Run("apply", "-f", pod, "-n", "web", "--kubeconfig", kubeconfig);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("HTTPS_PROXY", result.Stdout);
    }

    [Fact]
    public void File_and_pod_together_are_refused()
    {
        var result = CliWorkspace.Run("explain", "-f", "x.yaml", "--pod", "web-1", "--kubeconfig", kubeconfig);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("poddefaults: -f and --pod name two pods: give one\n", result.Stderr);
    }
}
