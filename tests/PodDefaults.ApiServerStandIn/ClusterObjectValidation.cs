using System.Text.Json.Nodes;

namespace PodDefaults.ApiServerStandIn;

/// <summary>What the real API server refuses in a Secret or webhook configuration write, as far as the tests need.</summary>
internal static class ClusterObjectValidation
{
    public static (int Code, string Message)? Problem(JsonObject current, JsonObject next)
    {
        if ((string?)next["kind"] != (string?)current["kind"] || (string?)next["apiVersion"] != (string?)current["apiVersion"])
            return (400, "the kind or apiVersion of the body does not match the request");
        if (next["metadata"] is not JsonObject metadata)
            return (400, "metadata is required");
        if (metadata["name"] is { } name && (string?)name != (string?)current["metadata"]!["name"])
            return (400, "the name of the object does not match the name on the URL");

        return (string?)current["kind"] == "Secret" ? SecretProblem(current, next) : WebhookConfigurationProblem(next);
    }

    private static (int, string)? SecretProblem(JsonObject current, JsonObject next)
    {
        var type = (string?)next["type"] ?? "Opaque";
        if (type != ((string?)current["type"] ?? "Opaque"))
            return (422, "Secret is invalid: type: Invalid value: field is immutable");
        var data = next["data"] as JsonObject;
        foreach (var (key, value) in data ?? [])
        {
            if (value is not JsonValue text || !text.TryGetValue<string>(out var base64) || !IsBase64(base64))
                return (400, $"Secret in version \"v1\" cannot be handled as a Secret: illegal base64 data at data.{key}");
        }
        if (type == "kubernetes.io/tls" && (data?["tls.crt"] is null || data["tls.key"] is null))
            return (422, "Secret is invalid: data[tls.crt], data[tls.key]: Required value");
        return null;
    }

    private static (int, string)? WebhookConfigurationProblem(JsonObject next)
    {
        var webhooks = next["webhooks"] as JsonArray ?? [];
        for (var i = 0; i < webhooks.Count; i++)
        {
            if (webhooks[i]?["clientConfig"]?["caBundle"] is { } bundle && (bundle is not JsonValue value || !value.TryGetValue<string>(out var base64) || !IsBase64(base64)))
                return (400, $"illegal base64 data at webhooks[{i}].clientConfig.caBundle");
        }
        return null;
    }

    private static bool IsBase64(string text) => Convert.TryFromBase64String(text, new byte[text.Length], out _);
}
