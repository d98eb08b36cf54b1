namespace PodDefaults.Core.Merge;

/// <summary>How a conflicting value may be shown in a message without leaking secret material.</summary>
public enum ValueKind
{
    /// <summary>Short JSON is shown as is; long values only by their size.</summary>
    Json,

    /// <summary>An EnvVar: a plain <c>value</c> is shown, <c>valueFrom</c> contents never.</summary>
    EnvVar,

    /// <summary>A container (init container, sidecar): never shown, it may carry env values.</summary>
    Container,
}
