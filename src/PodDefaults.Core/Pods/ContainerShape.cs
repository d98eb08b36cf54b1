using PodDefaults.Core.Json;

namespace PodDefaults.Core.Pods;

/// <summary>What the merge needs to know of one entry of <c>spec.containers</c>.</summary>
public sealed class ContainerShape
{
    public JsonString Name { get; set; } = JsonString.None;
    public JsonEntries Env { get; } = new();
    public JsonEntries EnvFrom { get; } = new();
    public JsonEntries VolumeMounts { get; } = new();
    public bool HasCommand { get; set; }
    public bool HasArgs { get; set; }
    public bool HasResources { get; set; }
    public JsonEntries Limits { get; } = new();
    public JsonEntries Requests { get; } = new();

    public void Reset()
    {
        Name = JsonString.None;
        Env.Reset();
        EnvFrom.Reset();
        VolumeMounts.Reset();
        HasCommand = HasArgs = HasResources = false;
        Limits.Reset();
        Requests.Reset();
    }
}
