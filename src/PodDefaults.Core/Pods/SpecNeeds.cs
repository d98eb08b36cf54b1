using PodDefaults.Core.Model;

namespace PodDefaults.Core.Pods;

/// <summary>The parts of a pod's spec that the PodDefaults being applied touch: only those are read.</summary>
[Flags]
public enum SpecNeeds : uint
{
    None = 0,

    /// <summary>The containers' names and positions (patch paths, sidecars already there).</summary>
    Containers = 1 << 0,
    ContainerEnv = 1 << 1,
    ContainerEnvFrom = 1 << 2,
    ContainerVolumeMounts = 1 << 3,
    ContainerCommand = 1 << 4,
    ContainerArgs = 1 << 5,
    ContainerResources = 1 << 6,
    InitContainers = 1 << 7,
    Volumes = 1 << 8,
    Tolerations = 1 << 9,
    ImagePullSecrets = 1 << 10,
    NodeSelector = 1 << 11,
    SecurityContext = 1 << 12,
    Affinity = 1 << 13,
    ServiceAccountName = 1 << 14,
    AutomountServiceAccountToken = 1 << 15,

    All = (1 << 16) - 1,
}

public static class SpecNeedsOf
{
    /// <summary>What merging <paramref name="applying"/> into a pod reads of its spec.</summary>
    public static SpecNeeds PodDefaults(ReadOnlySpan<PodDefault> applying)
    {
        var needs = SpecNeeds.None;
        foreach (var podDefault in applying)
            needs |= Spec(podDefault.Spec);
        return needs;
    }

    private static SpecNeeds Spec(PodDefaultSpec spec)
    {
        var needs = SpecNeeds.None;
        if (spec.TouchesContainers || spec.Sidecars.Length > 0)
            needs |= SpecNeeds.Containers;
        needs |= When(spec.Env.Length > 0, SpecNeeds.ContainerEnv)
            | When(spec.EnvFrom.Length > 0, SpecNeeds.ContainerEnvFrom)
            | When(spec.VolumeMounts.Length > 0, SpecNeeds.ContainerVolumeMounts)
            | When(spec.Command is not null, SpecNeeds.ContainerCommand)
            | When(spec.Args is not null, SpecNeeds.ContainerArgs)
            | When(spec.Limits.Length + spec.Requests.Length > 0, SpecNeeds.ContainerResources)
            | When(spec.InitContainers.Length > 0, SpecNeeds.InitContainers)
            | When(spec.Volumes.Length > 0, SpecNeeds.Volumes)
            | When(spec.Tolerations.Length > 0, SpecNeeds.Tolerations)
            | When(spec.ImagePullSecrets.Length > 0, SpecNeeds.ImagePullSecrets)
            | When(spec.NodeSelector.Length > 0, SpecNeeds.NodeSelector)
            | When(spec.SecurityContext.Length > 0, SpecNeeds.SecurityContext)
            | When(spec.Affinity.Length > 0, SpecNeeds.Affinity)
            | When(spec.ServiceAccountName is not null, SpecNeeds.ServiceAccountName)
            | When(spec.AutomountServiceAccountToken is not null, SpecNeeds.AutomountServiceAccountToken);
        return needs;
    }

    private static SpecNeeds When(bool condition, SpecNeeds needs) => condition ? needs : SpecNeeds.None;
}
