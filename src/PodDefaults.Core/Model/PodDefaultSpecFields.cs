namespace PodDefaults.Core.Model;

/// <summary>The <c>spec</c> members of a PodDefault that the engine reads (docs/semantics.md §1).</summary>
/// <remarks>The CRD test checks that the published schema declares every one of them.</remarks>
public static class PodDefaultSpecFields
{
    public const string Selector = "selector";
    public const string Desc = "desc";
    public const string Env = "env";
    public const string EnvFrom = "envFrom";
    public const string Volumes = "volumes";
    public const string VolumeMounts = "volumeMounts";
    public const string Tolerations = "tolerations";
    public const string Labels = "labels";
    public const string Annotations = "annotations";
    public const string ServiceAccountName = "serviceAccountName";
    public const string AutomountServiceAccountToken = "automountServiceAccountToken";
    public const string Command = "command";
    public const string Args = "args";
    public const string InitContainers = "initContainers";
    public const string Sidecars = "sidecars";
    public const string ImagePullSecrets = "imagePullSecrets";
    public const string Resources = "resources";
    public const string SecurityContext = "securityContext";
    public const string NodeSelector = "nodeSelector";
    public const string Affinity = "affinity";

    public static readonly IReadOnlyList<string> All =
    [
        Selector, Desc, Env, EnvFrom, Volumes, VolumeMounts, Tolerations, Labels, Annotations,
        ServiceAccountName, AutomountServiceAccountToken, Command, Args, InitContainers, Sidecars,
        ImagePullSecrets, Resources, SecurityContext, NodeSelector, Affinity,
    ];
}
