using System.Text;
using System.Text.Json.Nodes;

namespace PodDefaults.Webhook.Tls.Provisioning;

/// <summary>
/// The parts of a MutatingWebhookConfiguration this mode reads and writes: the services its webhooks call
/// (which the serving certificate must name) and each webhook's <c>clientConfig.caBundle</c>.
/// </summary>
public static class WebhookConfiguration
{
    public static string Path(string name) => "apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations/" + Uri.EscapeDataString(name);

    /// <summary>
    /// <c>service.namespace.svc</c> (the name the API server verifies) and its <c>.cluster.local</c> form, for
    /// every service the webhooks call, in order and without repeats.
    /// </summary>
    /// <exception cref="FormatException">No webhook calls a service (they call URLs, or there are none).</exception>
    public static IReadOnlyList<string> ServiceDnsNames(JsonObject configuration)
    {
        var names = new List<string>();
        foreach (var webhook in Webhooks(configuration))
        {
            if (webhook["clientConfig"]?["service"] is JsonObject service
                && service["name"] is JsonValue name && name.TryGetValue<string>(out var serviceName)
                && service["namespace"] is JsonValue ns && ns.TryGetValue<string>(out var serviceNamespace))
            {
                foreach (var dnsName in new[] { $"{serviceName}.{serviceNamespace}.svc", $"{serviceName}.{serviceNamespace}.svc.cluster.local" })
                {
                    if (!names.Contains(dnsName))
                        names.Add(dnsName);
                }
            }
        }

        return names.Count > 0
            ? names
            : throw new FormatException("no webhook of the configuration calls a service (clientConfig.service): there is no name to certify");
    }

    /// <summary>Each webhook's caBundle, decoded (null where it has none or it is not base64).</summary>
    public static IReadOnlyList<string?> CaBundles(JsonObject configuration) =>
        [.. Webhooks(configuration).Select(webhook =>
        {
            if (webhook["clientConfig"]?["caBundle"] is not JsonValue value || !value.TryGetValue<string>(out var base64))
                return null;
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            }
            catch (FormatException)
            {
                return null;
            }
        })];

    /// <summary>Whether every webhook's caBundle is exactly <paramref name="bundlePem"/>.</summary>
    public static bool HasBundle(JsonObject configuration, string bundlePem) =>
        CaBundles(configuration) is { Count: > 0 } bundles && bundles.All(b => b == bundlePem);

    /// <summary>Sets every webhook's caBundle to <paramref name="bundlePem"/>.</summary>
    public static void SetBundle(JsonObject configuration, string bundlePem)
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(bundlePem));
        foreach (var webhook in Webhooks(configuration))
        {
            if (webhook["clientConfig"] is not JsonObject clientConfig)
            {
                clientConfig = [];
                webhook["clientConfig"] = clientConfig;
            }
            clientConfig["caBundle"] = encoded;
        }
    }

    private static IEnumerable<JsonObject> Webhooks(JsonObject configuration) =>
        configuration["webhooks"] is JsonArray webhooks ? webhooks.OfType<JsonObject>() : [];
}
