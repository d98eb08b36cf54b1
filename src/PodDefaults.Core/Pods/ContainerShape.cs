using PodDefaults.Core.Fields;
using PodDefaults.Core.Json;

namespace PodDefaults.Core.Pods;

/// <summary>What the merge needs to know of one entry of <c>spec.containers</c>.</summary>
/// <remarks>
/// A list is made only when the reader finds it: a pod may have 100,000 containers, each with nothing but a name.
/// </remarks>
public sealed class ContainerShape
{
    /// <summary>The container's value of each field of <see cref="PodDefaultFields.OfContainer"/>, by slot.</summary>
    private readonly JsonEntries?[] fields = new JsonEntries?[PodDefaultFields.OfContainer.Length];
    private JsonEntries? limits;
    private JsonEntries? requests;

    /// <summary>Stands for no container (a merge not yet reset); never filled.</summary>
    public static ContainerShape Empty { get; } = new();

    public JsonString Name { get; set; } = JsonString.None;

    /// <summary>The container's own value of a per-container field: for a list its items, else only whether it is there.</summary>
    public JsonEntries Field(PodDefaultField field) => fields[field.Slot] ?? JsonEntries.Empty;

    /// <summary><c>limits</c> of the <see cref="FieldKind.Resources"/> field.</summary>
    public JsonEntries Limits => limits ?? JsonEntries.Empty;

    /// <summary><c>requests</c> of the <see cref="FieldKind.Resources"/> field.</summary>
    public JsonEntries Requests => requests ?? JsonEntries.Empty;

    /// <summary>The lists as the reader fills them, each made at first use.</summary>
    internal JsonEntries FieldRead(PodDefaultField field) => fields[field.Slot] ??= new();
    internal JsonEntries LimitsRead => limits ??= new();
    internal JsonEntries RequestsRead => requests ??= new();

    public void Reset()
    {
        Name = JsonString.None;
        foreach (var entries in fields)
            entries?.Reset();
        limits?.Reset();
        requests?.Reset();
    }
}
