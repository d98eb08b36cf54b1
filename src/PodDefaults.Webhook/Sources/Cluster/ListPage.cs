using System.Text.Json;

namespace PodDefaults.Webhook.Sources.Cluster;

/// <summary>One page of a LIST response: its items, its resourceVersion, and the token of the next page.</summary>
internal sealed record ListPage(IReadOnlyList<JsonElement> Items, string ResourceVersion, string? Continue)
{
    /// <summary>Reads a page; the items are cloned, so they outlive the response's document.</summary>
    /// <exception cref="FormatException">Not a list with a resourceVersion.</exception>
    public static ListPage Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new FormatException("LIST response: expected an object");
        var resourceVersion = ObjectMetadata.ResourceVersion(root)
            ?? throw new FormatException("LIST response: no metadata.resourceVersion");
        var continueToken = root.TryGetProperty("metadata", out var metadata)
            && metadata.TryGetProperty("continue", out var c) && c.ValueKind == JsonValueKind.String
            && c.GetString() is { Length: > 0 } token
                ? token
                : null;

        if (!root.TryGetProperty("items", out var items) || items.ValueKind == JsonValueKind.Null)
            return new ListPage([], resourceVersion, continueToken);
        if (items.ValueKind != JsonValueKind.Array)
            throw new FormatException("LIST response: items is not an array");
        return new ListPage([.. items.EnumerateArray().Select(item => item.Clone())], resourceVersion, continueToken);
    }
}
