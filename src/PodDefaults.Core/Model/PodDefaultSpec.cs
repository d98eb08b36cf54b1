using System.Collections.Immutable;

namespace PodDefaults.Core.Model;

/// <summary>What a PodDefault adds to a pod (docs/semantics.md §1), each item ready to compare and to write.</summary>
/// <remarks>Immutable arrays: the merge iterates them on every admission, and their enumerator allocates nothing.</remarks>
public sealed class PodDefaultSpec
{
    public static readonly PodDefaultSpec Empty = new();

    public ImmutableArray<JsonItem> Env { get; init; } = [];
    public ImmutableArray<JsonItem> EnvFrom { get; init; } = [];
    public ImmutableArray<JsonItem> Volumes { get; init; } = [];
    public ImmutableArray<JsonItem> VolumeMounts { get; init; } = [];
    public ImmutableArray<JsonItem> Tolerations { get; init; } = [];
    public ImmutableArray<JsonItem> InitContainers { get; init; } = [];
    public ImmutableArray<JsonItem> Sidecars { get; init; } = [];
    public ImmutableArray<JsonItem> ImagePullSecrets { get; init; } = [];
    public ImmutableArray<JsonItem> Labels { get; init; } = [];
    public ImmutableArray<JsonItem> Annotations { get; init; } = [];
    public ImmutableArray<JsonItem> NodeSelector { get; init; } = [];
    public ImmutableArray<JsonItem> SecurityContext { get; init; } = [];
    public ImmutableArray<JsonItem> Affinity { get; init; } = [];
    public ImmutableArray<QuantityItem> Limits { get; init; } = [];
    public ImmutableArray<QuantityItem> Requests { get; init; } = [];
    public JsonItem? Command { get; init; }
    public JsonItem? Args { get; init; }
    public JsonItem? ServiceAccountName { get; init; }
    public JsonItem? AutomountServiceAccountToken { get; init; }

    /// <summary>Whether the PodDefault writes anything into the original containers.</summary>
    public bool TouchesContainers =>
        Env.Length + EnvFrom.Length + VolumeMounts.Length + Limits.Length + Requests.Length > 0 || Command is not null || Args is not null;
}
