using System.Text.Json;
using System.Text.Json.Nodes;

namespace PodDefaults.Webhook.Cli;

/// <summary>
/// The namespace the pod is created in, settled as kubectl settles it: the pod's own, which <c>-n</c> must then
/// name too; else <c>-n</c>; else <c>default</c>. The pod then carries it in <c>metadata.namespace</c>, as it
/// reaches the webhook (the API server fills it in from the request before admission).
/// </summary>
internal static class PodNamespace
{
    public const string Default = "default";

    /// <exception cref="CliException">The pod names another namespace than <paramref name="flag"/>, or metadata is malformed.</exception>
    public static string Settle(PodFile file, string? flag)
    {
        var metadata = Metadata(file);
        var own = metadata["namespace"] switch
        {
            null => "",
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            _ => throw file.Problem("/metadata/namespace", "metadata.namespace: expected a string"),
        };
        if (own.Length > 0)
        {
            return flag is null || flag == own
                ? own
                : throw new CliException($"the namespace from the provided object \"{own}\" does not match the namespace \"{flag}\". You must pass '--namespace={own}' to perform this operation.");
        }

        var chosen = flag ?? Default;
        if (metadata.ContainsKey("namespace"))
            metadata["namespace"] = chosen;
        else
            metadata.Insert(metadata.IndexOf("name") + 1, "namespace", chosen); // where kubectl users look for it
        return chosen;
    }

    private static JsonObject Metadata(PodFile file)
    {
        switch (file.Pod["metadata"])
        {
            case JsonObject metadata:
                return metadata;
            case null:
                var created = new JsonObject();
                file.Pod["metadata"] = created;
                return created;
            default:
                throw file.Problem("/metadata", "metadata: expected an object");
        }
    }
}
