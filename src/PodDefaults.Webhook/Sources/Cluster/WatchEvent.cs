using System.Buffers;
using System.Text.Json;

namespace PodDefaults.Webhook.Sources.Cluster;

public enum WatchEventType
{
    Added,
    Modified,
    Deleted,

    /// <summary>No object change: only a resourceVersion the watch has reached.</summary>
    Bookmark,

    /// <summary>The object is a <c>Status</c>: the watch failed (410 when its resourceVersion expired).</summary>
    Error,
}

/// <summary>One line of a watch stream: <c>{"type": "ADDED", "object": {...}}</c>.</summary>
/// <param name="Object">The object; it owns its memory, so it outlives the stream's buffers.</param>
public readonly record struct WatchEvent(WatchEventType Type, JsonElement Object)
{
    /// <exception cref="FormatException">The line is not JSON, or not an event.</exception>
    public static WatchEvent Parse(ReadOnlySequence<byte> line)
    {
        JsonElement root;
        try
        {
            // No depth limit on the line: an object nested too deep is skipped by name when applied, not lost here.
            var reader = new Utf8JsonReader(line, ClusterJson.ReaderOptions);
            // ParseValue copies into memory the element owns: nothing to dispose, nothing pooled to outlive.
            root = JsonElement.ParseValue(ref reader);
            if (reader.Read())
                throw new FormatException("more than one JSON value on the line");
        }
        catch (JsonException e)
        {
            throw new FormatException("not JSON: " + e.Message, e);
        }

        if (root.ValueKind != JsonValueKind.Object)
            throw new FormatException("expected an object");
        if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            throw new FormatException("no \"type\"");
        if (!root.TryGetProperty("object", out var obj) || obj.ValueKind != JsonValueKind.Object)
            throw new FormatException("no \"object\"");
        return new WatchEvent(ParseType(type.GetString()!), obj);
    }

    private static WatchEventType ParseType(string type) => type switch
    {
        "ADDED" => WatchEventType.Added,
        "MODIFIED" => WatchEventType.Modified,
        "DELETED" => WatchEventType.Deleted,
        "BOOKMARK" => WatchEventType.Bookmark,
        "ERROR" => WatchEventType.Error,
        _ => throw new FormatException($"unknown event type \"{type}\""),
    };
}
