namespace PodDefaults.Tests.Core.Properties;

/// <summary>
/// The small pools pods and PodDefaults draw from, so that items often overlap: the same key with the same
/// value (satisfied), with another value (a conflict), or a superset (API-server defaults).
/// </summary>
internal static class Pools
{
    public const string Namespace = "team";
    public const string OtherNamespace = "other";

    /// <summary>Over 64 bytes: conflict messages must show it by size only.</summary>
    public const string LongValue = "long-value-0123456789-0123456789-0123456789-0123456789-0123456789";

    /// <summary>The label keys selectors test; PodDefaults set them too, so that selection chains.</summary>
    public static readonly string[] SelectorKeys = ["app", "tier", "example.com/role"];

    /// <summary>"r&amp;d" reaches the engine escaped (<c>r\u0026d</c>): the test serializer escapes HTML characters.</summary>
    public static readonly string[] SelectorValues = ["web", "ml", "r&d"];

    /// <summary>Label values drawn for pods and selectors: mostly the first, so that selectors often match.</summary>
    public static readonly (int, string)[] SelectorValueWeights = [(6, "web"), (2, "ml"), (1, "r&d")];

    /// <summary>Label keys PodDefaults set and pods may carry, including RFC 6901's two special characters.</summary>
    public static readonly string[] SetLabelKeys = ["team", "a~b/c", "owner"];

    public static readonly (int, string)[] LabelValues = [(4, "x"), (1, "y")];

    public static readonly string[] AnnotationKeys = ["note", "example.com/x~y", "~01"];

    public static readonly (int, string)[] AnnotationValues = [(5, "a"), (1, "<b>"), (1, LongValue)];

    public static readonly string[] ContainerNames = ["main", "worker", "logger", "helper"];

    public static readonly string[] EnvNames = ["A", "B", "C"];

    /// <summary>The members of an EnvVar besides its name; the first is drawn most, so pods and PodDefaults often agree.</summary>
    public static readonly string[] EnvValues =
    [
        """{"value":"1"}""",
        """{"value":"2"}""",
        "{\"value\":\"" + LongValue + "\"}",
        """{"valueFrom":{"secretKeyRef":{"name":"db","key":"password"}}}""",
        """{"valueFrom":{"fieldRef":{"apiVersion":"v1","fieldPath":"metadata.name"}}}""",
    ];

    /// <summary>The same env value without the API server's defaults: satisfied by the defaulted one.</summary>
    public const string UndefaultedFieldRef = """{"valueFrom":{"fieldRef":{"fieldPath":"metadata.name"}}}""";

    public static readonly string[] EnvFrom =
    [
        """{"configMapRef":{"name":"settings"}}""",
        """{"secretRef":{"name":"creds"}}""",
        """{"prefix":"P_","configMapRef":{"name":"settings"}}""",
    ];

    public static readonly string[] VolumeNames = ["kube-api-access-x1", "data", "aws"];

    public static readonly Dictionary<string, string[]> Volumes = new()
    {
        ["kube-api-access-x1"] =
        [
            """{"projected":{"defaultMode":420,"sources":[{"serviceAccountToken":{"expirationSeconds":3607,"path":"token"}}]}}""",
        ],
        ["data"] = ["""{"emptyDir":{}}""", """{"emptyDir":{"medium":"Memory"}}"""],
        ["aws"] = ["""{"secret":{"secretName":"aws","defaultMode":420}}""", """{"secret":{"secretName":"aws"}}""", """{"secret":{"secretName":"aws-2"}}"""],
    };

    public static readonly string[] MountPaths = ["/var/run/secrets/kubernetes.io/serviceaccount", "/data", "/cache", "/secrets/aws"];

    public static readonly Dictionary<string, string[]> Mounts = new()
    {
        ["/var/run/secrets/kubernetes.io/serviceaccount"] = ["""{"name":"kube-api-access-x1","readOnly":true}"""],
        ["/data"] = ["""{"name":"data"}""", """{"name":"aws"}"""],
        ["/cache"] = ["""{"name":"data","subPath":"cache"}"""],
        ["/secrets/aws"] = ["""{"name":"aws","readOnly":true}""", """{"name":"aws"}"""],
    };

    public static readonly string[] PodTolerations =
    [
        """{"key":"node.kubernetes.io/not-ready","operator":"Exists","effect":"NoExecute","tolerationSeconds":300}""",
        """{"key":"node.kubernetes.io/unreachable","operator":"Exists","effect":"NoExecute","tolerationSeconds":300}""",
        """{"key":"nvidia.com/gpu","operator":"Exists","effect":"NoSchedule"}""",
        """{"key":"dedicated","operator":"Equal","value":"ml","effect":"NoSchedule"}""",
    ];

    public static readonly string[] PodDefaultTolerations =
    [
        """{"key":"nvidia.com/gpu","operator":"Exists"}""",
        """{"key":"nvidia.com/gpu","operator":"Exists","effect":"NoSchedule"}""",
        """{"key":"dedicated","operator":"Equal","value":"ml","effect":"NoSchedule"}""",
        """{"key":"dedicated","operator":"Equal","value":"ml","effect":"NoExecute"}""",
    ];

    public static readonly string[] ImagePullSecrets = ["""{"name":"regcred"}""", """{"name":"mirror"}"""];

    /// <summary>Quantities by resource, with their value in one unit, to keep requests within limits.</summary>
    public static readonly (string Resource, (string Text, int Value)[] Quantities)[] Resources =
    [
        ("cpu", [("100m", 100), ("0.1", 100), ("500m", 500), ("1", 1000), ("1000m", 1000), ("2", 2000)]),
        ("memory", [("256Mi", 256), ("268435456", 256), ("512Mi", 512), ("1Gi", 1024), ("1024Mi", 1024)]),
        ("nvidia.com/gpu", [("1", 1), ("2", 2)]),
    ];

    public static readonly Dictionary<string, string[]> SecurityContext = new()
    {
        ["runAsUser"] = ["1000", "0"],
        ["fsGroup"] = ["100"],
        ["runAsNonRoot"] = ["true", "false"],
        ["seccompProfile"] = ["""{"type":"RuntimeDefault"}""", """{"type":"Localhost","localhostProfile":"p.json"}"""],
    };

    public static readonly Dictionary<string, string[]> NodeSelector = new()
    {
        ["disk"] = ["\"ssd\"", "\"hdd\""],
        ["kubernetes.io/arch"] = ["\"amd64\""],
    };

    public static readonly Dictionary<string, string[]> Affinity = new()
    {
        ["nodeAffinity"] =
        [
            """{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"gpu","operator":"Exists"}]}]}}""",
            """{"preferredDuringSchedulingIgnoredDuringExecution":[{"weight":1,"preference":{"matchExpressions":[{"key":"zone","operator":"In","values":["a"]}]}}]}""",
        ],
        ["podAntiAffinity"] =
        [
            """{"preferredDuringSchedulingIgnoredDuringExecution":[{"weight":10,"podAffinityTerm":{"topologyKey":"kubernetes.io/hostname","labelSelector":{"matchLabels":{"app":"web"}}}}]}""",
        ],
    };

    public static readonly string[] PodDefaultNames = ["pd-a", "pd-b", "pd-c", "pd-d", "pd-e", "pd-f"];

    /// <summary>
    /// resourceVersions are 1 to this: few, so that a pod's marker annotation often carries a PodDefault's
    /// current version (already applied) and sometimes an older one.
    /// </summary>
    public const int Versions = 2;

    public const string MarkerPrefix = "poddefault.admission.kubeflow.org/poddefault-";

    public static readonly string[] InitContainers =
    [
        """{"name":"init","image":"busybox"}""",
        """{"name":"init","image":"alpine"}""",
        """{"name":"fetch","image":"curl","args":["-o","/data/x"]}""",
    ];

    public static readonly string[] Sidecars =
    [
        """{"name":"sidecar","image":"proxy:1"}""",
        """{"name":"metrics","image":"metrics:1","env":[{"name":"X","value":"1"}]}""",
        """{"name":"logger","image":"fluent"}""",
    ];
}
