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

    private static string? Member(JsonElement obj, string member) =>
        obj.ValueKind == JsonValueKind.Object
        && obj.TryGetProperty("metadata", out var metadata)
        && metadata.ValueKind == JsonValueKind.Object
        && metadata.TryGetProperty(member, out var value)
        && value.ValueKind == JsonValueKind.String
        && TryGetString(value) is { Length: > 0 } text
            ? text
            : null;

    /// <summary>
    /// The string, or null when it cannot be one: JSON admits an escaped lone surrogate (<c>"\ud800"</c>), which
    /// <see cref="JsonElement.GetString"/> refuses with an exception. Naming an object for a log must not throw.
    /// </summary>
    private static string? TryGetString(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
