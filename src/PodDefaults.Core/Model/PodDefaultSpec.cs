namespace PodDefaults.Core.Model;

/// <summary>What a PodDefault adds to a pod (SEMANTICS.md section 1), each item ready to compare and to write.</summary>
public sealed class PodDefaultSpec
{
    public static readonly PodDefaultSpec Empty = new();

    public IReadOnlyList<JsonItem> Env { get; init; } = [];
    public IReadOnlyList<JsonItem> EnvFrom { get; init; } = [];
    public IReadOnlyList<JsonItem> Volumes { get; init; } = [];
    public IReadOnlyList<JsonItem> VolumeMounts { get; init; } = [];
    public IReadOnlyList<JsonItem> Tolerations { get; init; } = [];
    public IReadOnlyList<JsonItem> InitContainers { get; init; } = [];
    public IReadOnlyList<JsonItem> Sidecars { get; init; } = [];
    public IReadOnlyList<JsonItem> ImagePullSecrets { get; init; } = [];
    public IReadOnlyList<JsonItem> Labels { get; init; } = [];
    public IReadOnlyList<JsonItem> Annotations { get; init; } = [];
    public IReadOnlyList<JsonItem> NodeSelector { get; init; } = [];
    public IReadOnlyList<JsonItem> SecurityContext { get; init; } = [];
    public IReadOnlyList<JsonItem> Affinity { get; init; } = [];
    public IReadOnlyList<QuantityItem> Limits { get; init; } = [];
    public IReadOnlyList<QuantityItem> Requests { get; init; } = [];
    public JsonItem? Command { get; init; }
    public JsonItem? Args { get; init; }
    public JsonItem? ServiceAccountName { get; init; }
    public JsonItem? AutomountServiceAccountToken { get; init; }

    /// <summary>Whether the PodDefault writes anything into the original containers.</summary>
    public bool TouchesContainers =>
        Env.Count + EnvFrom.Count + VolumeMounts.Count + Limits.Count + Requests.Count > 0 || Command is not null || Args is not null;
}
