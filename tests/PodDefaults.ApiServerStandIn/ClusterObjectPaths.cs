using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PodDefaults.ApiServerStandIn;

/// <summary>The REST paths of the single objects <see cref="ClusterObjects"/> serves.</summary>
public static partial class ClusterObjectPaths
{
    public static string Secret(string @namespace, string name) => $"/api/v1/namespaces/{@namespace}/secrets/{name}";

    public static string MutatingWebhookConfiguration(string name) => $"/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations/{name}";

    /// <summary>The path of an object of a kind the stand-in serves singly; null for other kinds.</summary>
    public static string? Of(JsonObject obj)
    {
        var name = obj["metadata"]?["name"]?.GetValue<string>();
        return ((string?)obj["kind"], (string?)obj["apiVersion"]) switch
        {
            ("Secret", "v1") => Secret(obj["metadata"]?["namespace"]?.GetValue<string>() ?? "default", name!),
            ("MutatingWebhookConfiguration", "admissionregistration.k8s.io/v1") => MutatingWebhookConfiguration(name!),
            _ => null,
        };
    }

    /// <summary>Whether a request path addresses one of these objects (and which kind, for the request log).</summary>
    public static string? Kind(string path) =>
        SecretPattern().IsMatch(path) ? "secret"
        : MutatingWebhookConfigurationPattern().IsMatch(path) ? "mutatingwebhookconfiguration"
        : null;

    /// <summary><c>secrets "name"</c>, as the API server words it in messages.</summary>
    public static string Describe(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        return path.Contains("/secrets/", StringComparison.Ordinal) ? $"secrets \"{name}\"" : $"mutatingwebhookconfigurations.admissionregistration.k8s.io \"{name}\"";
    }

    [GeneratedRegex("^/api/v1/namespaces/[^/]+/secrets/[^/]+$")]
    private static partial Regex SecretPattern();

    [GeneratedRegex("^/apis/admissionregistration\\.k8s\\.io/v1/mutatingwebhookconfigurations/[^/]+$")]
    private static partial Regex MutatingWebhookConfigurationPattern();
}
