using System.Reflection;
using k8s;
using k8s.Exceptions;
using PodDefaults.ApiServerStandIn;
using PodDefaults.Webhook.Sources.Cluster;

namespace PodDefaults.Tests.Webhook.Sources.Cluster;

/// <summary>Which configuration the source uses: in-cluster first, then KUBECONFIG, then ~/.kube/config.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class KubernetesConfigLoaderTests
{
    [Fact]
    public void KUBERNETES_SERVICE_HOST_means_in_cluster_even_with_a_kubeconfig()
    {
        using var kubeconfig = new TestKubeconfig();
        var path = kubeconfig.Write(new Uri("https://127.0.0.1:1"), "insecure-skip-tls-verify: true", "token: t");
        var environment = new Dictionary<string, string> { ["KUBERNETES_SERVICE_HOST"] = "10.0.0.1", ["KUBECONFIG"] = path };

        // Outside a pod the service account files are missing: the in-cluster loader says so.
        var error = Assert.Throws<KubeConfigException>(() => KubernetesConfigLoader.Load(environment.GetValueOrDefault, path));
        Assert.Contains("in-cluster", error.Message);
    }

    [Fact]
    public void KUBECONFIG_wins_over_the_default_location()
    {
        using var kubeconfig = new TestKubeconfig();
        var path = kubeconfig.Write(new Uri("https://127.0.0.1:7"), "insecure-skip-tls-verify: true", "token: t");
        var environment = new Dictionary<string, string> { ["KUBECONFIG"] = path };

        var configuration = KubernetesConfigLoader.Load(environment.GetValueOrDefault, "/nonexistent/config");

        Assert.Equal("https://127.0.0.1:7", configuration.Host.TrimEnd('/'));
        Assert.Equal("t", configuration.AccessToken);
    }

    [Fact]
    public void Default_location_is_used_without_KUBECONFIG_and_its_absence_is_a_clear_error()
    {
        using var kubeconfig = new TestKubeconfig();
        var path = kubeconfig.Write(new Uri("https://127.0.0.1:8"), "insecure-skip-tls-verify: true", "token: t");

        Assert.Equal("https://127.0.0.1:8", KubernetesConfigLoader.Load(_ => null, path).Host.TrimEnd('/'));
        var error = Assert.Throws<KubeConfigException>(() => KubernetesConfigLoader.Load(_ => null, "/nonexistent/config"));
        Assert.Contains("/nonexistent/config", error.Message);
    }

    [Fact]
    public async Task In_cluster_service_account_reaches_the_API_server()
    {
        using var certificate = SelfSignedCertificate.ForLoopback();
        await using var server = await StandInApiServer.StartAsync(new StandInOptions { Certificate = certificate, AcceptToken = t => t == "sa-token" });
        server.Store.Put(PodDefaultObjects.Env("team", "a", "app", "A", "1"));
        using var account = new TestKubeconfig();
        account.File("token", "sa-token\n");
        account.File("ca.crt", certificate.ExportCertificatePem());
        account.File("namespace", "poddefaults-system");

        using (ProcessEnvironment.InCluster(account.Folder, server.Port))
        {
            using var connection = KubernetesConnection.FromConfiguration(KubernetesConfigLoader.Load());
            var list = await new PodDefaultLister(connection, new ClusterSourceOptions(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance)
                .ListAsync(CancellationToken.None);
            Assert.Single(list.Items);
        }

        Assert.Equal("Bearer sa-token", server.Lists.Single().Authorization);
    }
}

/// <summary>Tests that change process-wide state (environment variables, KubernetesClient statics) run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironment
{
    public const string Name = "process environment";

    /// <summary>Makes KubernetesClient believe it runs in a pod whose service account files are in <paramref name="folder"/>.</summary>
    public static IDisposable InCluster(string folder, int port)
    {
        // KubernetesClient reads the service account from a fixed path; tests point it elsewhere.
        var field = typeof(KubernetesClientConfiguration).GetField("ServiceAccountPath", BindingFlags.NonPublic | BindingFlags.Static)!;
        var saved = (field.GetValue(null), Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST"), Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_PORT"));
        field.SetValue(null, folder);
        Environment.SetEnvironmentVariable("KUBERNETES_SERVICE_HOST", "127.0.0.1");
        Environment.SetEnvironmentVariable("KUBERNETES_SERVICE_PORT", port.ToString());
        return new Restore(() =>
        {
            field.SetValue(null, saved.Item1);
            Environment.SetEnvironmentVariable("KUBERNETES_SERVICE_HOST", saved.Item2);
            Environment.SetEnvironmentVariable("KUBERNETES_SERVICE_PORT", saved.Item3);
        });
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
