namespace PodDefaults.Core.Merge;

/// <summary>Where an item merges, for messages: the field, and the container when it is per container.</summary>
public readonly record struct FieldContext(string Field, ValueKind Kind, string? Container = null)
{
    public string Describe(string key) =>
        Container is null ? $"{Field} \"{key}\"" : $"{Field} \"{key}\" of container {Container}";
}
