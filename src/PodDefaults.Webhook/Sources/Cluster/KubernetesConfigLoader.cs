using k8s;
using k8s.Authentication;
using k8s.Exceptions;

namespace PodDefaults.Webhook.Sources.Cluster;

/// <summary>
/// Where the API server is and who we are to it: the pod's service account when running in a cluster
/// (<c>KUBERNETES_SERVICE_HOST</c> is set), else the kubeconfig's current context.
/// </summary>
public static class KubernetesConfigLoader
{
    /// <exception cref="KubeConfigException">No usable configuration (no kubeconfig, no service account token...).</exception>
    public static KubernetesClientConfiguration Load() =>
        Load(Environment.GetEnvironmentVariable, KubernetesClientConfiguration.KubeConfigDefaultLocation);

    internal static KubernetesClientConfiguration Load(Func<string, string?> environment, string defaultKubeconfig)
    {
        if (!string.IsNullOrEmpty(environment("KUBERNETES_SERVICE_HOST")))
            return KubernetesClientConfiguration.InClusterConfig(); // rereads the rotating token file as it expires

        var files = (environment("KUBECONFIG") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (files.Length > 1)
            return KubernetesClientConfiguration.BuildDefaultConfig(); // KubernetesClient merges them, first wins
        var file = files.Length == 1 ? files[0] : defaultKubeconfig;
        if (!File.Exists(file))
            throw new KubeConfigException($"no kubeconfig at {file}: set KUBECONFIG, or run in a pod with a service account");
        return FromKubeconfigFile(file);
    }

    /// <summary>The configuration of one kubeconfig file's <paramref name="context"/> (its current context by default).</summary>
    /// <remarks>
    /// Adds what KubernetesClient 21 ignores: a user's <c>tokenFile</c>, reread as it rotates (it wins over
    /// <c>token</c>, as in kubectl).
    /// </remarks>
    public static KubernetesClientConfiguration FromKubeconfigFile(string path, string? context = null)
    {
        var kubeconfig = KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(path));
        var user = KubeconfigTokenFile.CurrentUser(kubeconfig, context);
        var tokenFile = user is null ? null : KubeconfigTokenFile.Find(path, user.Name);
        if (tokenFile is not null)
        {
            // KubernetesClient refuses a user with no credentials it knows: give it the file's current token.
            user!.UserCredentials.Token ??= File.ReadAllText(tokenFile).Trim();
        }

        var configuration = KubernetesClientConfiguration.BuildConfigFromConfigObject(kubeconfig, context);
        if (tokenFile is not null && configuration.TokenProvider is null)
            configuration.TokenProvider = new TokenFileAuth(tokenFile);
        return configuration;
    }
}
