using k8s.KubeConfigModels;
using YamlDotNet.RepresentationModel;

namespace PodDefaults.Webhook.Sources.Cluster;

/// <summary>
/// A kubeconfig user's <c>tokenFile</c>, which KubernetesClient's model does not read: found in the YAML itself
/// (its representation model, which needs no reflection).
/// </summary>
internal static class KubeconfigTokenFile
{
    public static User? CurrentUser(K8SConfiguration kubeconfig, string? context)
    {
        var name = context ?? kubeconfig.CurrentContext;
        var userName = kubeconfig.Contexts?.FirstOrDefault(c => c.Name == name)?.ContextDetails?.User;
        return userName is null ? null : kubeconfig.Users?.FirstOrDefault(u => u.Name == userName && u.UserCredentials is not null);
    }

    /// <summary>The absolute path of <paramref name="userName"/>'s token file, relative paths taken from the kubeconfig's folder.</summary>
    public static string? Find(string kubeconfigPath, string userName)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(kubeconfigPath))
            yaml.Load(reader);
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
            return null;

        var tokenFile = Child<YamlSequenceNode>(root, "users")?.Children
            .OfType<YamlMappingNode>()
            .Where(entry => Child<YamlScalarNode>(entry, "name")?.Value == userName)
            .Select(entry => Child<YamlScalarNode>(Child<YamlMappingNode>(entry, "user"), "tokenFile")?.Value)
            .FirstOrDefault(file => !string.IsNullOrEmpty(file));
        return tokenFile is null
            ? null
            : Path.GetFullPath(tokenFile, Path.GetDirectoryName(Path.GetFullPath(kubeconfigPath))!);
    }

    private static T? Child<T>(YamlMappingNode? node, string key) where T : YamlNode =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child as T : null;
}
