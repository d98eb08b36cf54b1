using PodDefaults.Core.Json;

namespace PodDefaults.Core.Merge;

/// <summary>Where an item merges, for messages: the field, and the container when it is per container.</summary>
/// <remarks>The container's name stays a position in the request until a message needs it.</remarks>
public readonly record struct FieldContext(string Field, ValueKind Kind, JsonString Container)
{
    public FieldContext(string field, ValueKind kind)
        : this(field, kind, JsonString.None)
    {
    }

    public string Describe(string key, ReadOnlySpan<byte> source) =>
        Container.IsPresent ? $"{Field} \"{key}\" of container {Container.ToString(source)}" : $"{Field} \"{key}\"";
}
