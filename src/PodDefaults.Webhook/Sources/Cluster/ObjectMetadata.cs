using System.Text.Json;

namespace PodDefaults.Webhook.Sources.Cluster;

/// <summary>The few <c>metadata</c> members the source reads from an object it may not be able to parse.</summary>
public static class ObjectMetadata
{
    public static string? Namespace(JsonElement obj) => Member(obj, "namespace");

    public static string? Name(JsonElement obj) => Member(obj, "name");

    public static string? ResourceVersion(JsonElement obj) => Member(obj, "resourceVersion");

    /// <summary><c>namespace/name</c> for logs, with placeholders for what is missing.</summary>
    public static string Describe(JsonElement obj) => $"{Namespace(obj) ?? "(no namespace)"}/{Name(obj) ?? "(no name)"}";

    private static string? Member(JsonElement obj, string member)
    {
        try
        {
            return obj.ValueKind == JsonValueKind.Object
                && obj.TryGetProperty("metadata", out var metadata)
                && metadata.ValueKind == JsonValueKind.Object
                && metadata.TryGetProperty(member, out var value)
                && value.ValueKind == JsonValueKind.String
                && value.GetString() is { Length: > 0 } text
                    ? text
                    : null;
        }
        catch (InvalidOperationException)
        {
            // JSON admits an escaped lone surrogate ("\ud800") in a name or a value, and the lookup or GetString
            // refuses it with an exception. Naming an object for a log must not throw: it just has no name.
            return null;
        }
    }
}
