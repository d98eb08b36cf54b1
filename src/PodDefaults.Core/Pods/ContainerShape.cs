using PodDefaults.Core.Json;

namespace PodDefaults.Core.Pods;

/// <summary>What the merge needs to know of one entry of <c>spec.containers</c>.</summary>
/// <remarks>
/// A list is made only when the reader finds it: a pod may have 100,000 containers, each with nothing but a name.
/// </remarks>
public sealed class ContainerShape
{
    private JsonEntries? env;
    private JsonEntries? envFrom;
    private JsonEntries? volumeMounts;
    private JsonEntries? limits;
    private JsonEntries? requests;

    /// <summary>Stands for no container (a merge not yet reset); never filled.</summary>
    public static ContainerShape Empty { get; } = new();

    public JsonString Name { get; set; } = JsonString.None;
    public JsonEntries Env => env ?? JsonEntries.Empty;
    public JsonEntries EnvFrom => envFrom ?? JsonEntries.Empty;
    public JsonEntries VolumeMounts => volumeMounts ?? JsonEntries.Empty;
    public bool HasCommand { get; set; }
    public bool HasArgs { get; set; }
    public bool HasResources { get; set; }
    public JsonEntries Limits => limits ?? JsonEntries.Empty;
    public JsonEntries Requests => requests ?? JsonEntries.Empty;

    /// <summary>The lists as the reader fills them, each made at first use.</summary>
    internal JsonEntries EnvRead => env ??= new();
    internal JsonEntries EnvFromRead => envFrom ??= new();
    internal JsonEntries VolumeMountsRead => volumeMounts ??= new();
    internal JsonEntries LimitsRead => limits ??= new();
    internal JsonEntries RequestsRead => requests ??= new();

    public void Reset()
    {
        Name = JsonString.None;
        env?.Reset();
        envFrom?.Reset();
        volumeMounts?.Reset();
        HasCommand = HasArgs = HasResources = false;
        limits?.Reset();
        requests?.Reset();
    }
}
