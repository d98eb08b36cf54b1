using k8s.Exceptions;
using PodDefaults.Core.Selection;
using PodDefaults.Webhook.Server;

namespace PodDefaults.Webhook.Sources.Cluster;

/// <summary>How <c>serve</c> runs the cluster source: the default, when no other source is asked for.</summary>
public static class ClusterSourceRegistration
{
    /// <summary>The cluster source, its connection made now: no cluster configuration fails the start.</summary>
    /// <exception cref="SourceStartException">No kubeconfig or in-cluster configuration can be read.</exception>
    public static Func<IServiceProvider, IPodDefaultSource> For(ServeOptions options)
    {
        var connection = Connect(options.Kubeconfig, "no cluster to read PodDefaults from", "; or pass --defaults PATH");
        return services => new ClusterPodDefaultSource(connection, services.GetRequiredService<SnapshotHolder>(),
            services.GetRequiredService<SourceStatus>(), services.GetRequiredService<ILogger<ClusterPodDefaultSource>>(),
            services.GetRequiredService<TimeProvider>());
    }

    /// <summary>The cluster of <paramref name="kubeconfig"/>, else in-cluster, else <c>KUBECONFIG</c>, else <c>~/.kube/config</c>.</summary>
    /// <param name="purpose">What the cluster was wanted for, the start of the error.</param>
    /// <param name="hint">What else would do, the end of the error.</param>
    /// <exception cref="SourceStartException">No configuration can be read.</exception>
    public static KubernetesConnection Connect(string? kubeconfig, string purpose, string hint)
    {
        try
        {
            var configuration = kubeconfig is not null
                ? KubernetesConfigLoader.FromKubeconfigFile(kubeconfig)
                : KubernetesConfigLoader.Load();
            return KubernetesConnection.FromConfiguration(configuration);
        }
        catch (Exception error) when (error is KubeConfigException or IOException)
        {
            throw new SourceStartException($"{purpose}: {error.Message}{hint}");
        }
    }
}
