using PodDefaults.Webhook.Server;
using PodDefaults.Webhook.Sources.Cluster;
using PodDefaults.Webhook.Sources.Files;

namespace PodDefaults.Webhook.Sources;

/// <summary>
/// Which source <c>serve</c> runs: each source says, in its own folder, whether the options ask for it, and the
/// first that does wins. Files (<c>--defaults</c>) come before the cluster, which is the default.
/// </summary>
public static class PodDefaultSources
{
    /// <summary>The factory of the source the options ask for, its settings checked now.</summary>
    /// <exception cref="SourceStartException">The chosen source cannot start with these options.</exception>
    public static Func<IServiceProvider, IPodDefaultSource> For(ServeOptions options) =>
        FileSourceRegistration.For(options) ?? ClusterSourceRegistration.For(options);
}
