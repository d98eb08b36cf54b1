using static PodDefaults.Tests.Core.Properties.Generators;

namespace PodDefaults.Tests.Core.Properties;

/// <summary>
/// Random sets of PodDefaults: 1-6 in the pod's namespace and up to two in another one, selectors over the
/// pod's label pool (some invalid), and each spec field sometimes present with items from the same pools as
/// the pod, so they often meet the pod's items.
/// </summary>
internal static class PodDefaultGenerator
{
    /// <summary>Put in <c>spec.desc</c> (which the webhook ignores) of PodDefaults whose selector is invalid, for the test oracle.</summary>
    public const string InvalidSelectorDesc = "invalid selector";

    public static readonly Gen<JsonObject[]> PodDefaults =
        from names in Subset(Pools.PodDefaultNames, 45).Where(names => names.Length > 0)
        from mine in All(names.Select(name => PodDefault(Pools.Namespace, name)))
        from otherNames in Subset(["pd-a", "pd-z"], 25)
        from others in All(otherNames.Select(name => PodDefault(Pools.OtherNamespace, name)))
        select (JsonObject[])[.. mine, .. others];

    private static Gen<JsonObject> PodDefault(string ns, string name) =>
        from version in Gen.Int[1, Pools.Versions]
        from selector in Selector
        from containerFields in ContainerFields
        from podFields in PodFields
        select Assemble(ns, name, version, selector, containerFields, podFields);

    private static Gen<(JsonNode? Selector, bool Valid)> Selector => Gen.Frequency(
        (4, Gen.Const(() => ((JsonNode?)new JsonObject(), true))),
        (4, MatchLabels.Select(s => ((JsonNode?)s, true))),
        (3, MatchExpressions.Select(s => ((JsonNode?)s, true))),
        (2, from labels in MatchLabels from expressions in MatchExpressions select ((JsonNode?)Merge(labels, expressions), true)),
        (2, Invalid.Select(s => (s, false))));

    private static Gen<JsonObject> MatchLabels =>
        All(Pools.SelectorKeys.Select(key => Sometimes(35, Gen.Frequency(Pools.SelectorValueWeights))))
            .Select(values => new JsonObject
            {
                ["matchLabels"] = ObjectOf(Pools.SelectorKeys.Zip(values)
                    .Where(pair => pair.Second is not null)
                    .Select(pair => (pair.First, (JsonNode?)JsonValue.Create(pair.Second)))),
            });

    private static Gen<JsonObject> MatchExpressions =>
        Keyed(Pools.SelectorKeys, 45, Expression).Select(terms => new JsonObject { ["matchExpressions"] = ArrayOf(terms) });

    private static Gen<JsonObject> Expression(string key) =>
        from op in Gen.OneOf("In", "NotIn", "Exists", "DoesNotExist")
        from values in Subset(Pools.SelectorValues, 50).Where(values => values.Length > 0)
        select op is "In" or "NotIn"
            ? new JsonObject { ["key"] = key, ["operator"] = op, ["values"] = ArrayOf(values.Select(v => (JsonNode)v)) }
            : new JsonObject { ["key"] = key, ["operator"] = op };

    private static Gen<JsonNode?> Invalid => JsonOf(
        "null", // no selector at all
        """{"matchExpressions":[{"key":"app","operator":"Equals","values":["web"]}]}""",
        """{"matchExpressions":[{"key":"app","operator":"1","values":["web"]}]}""",
        """{"matchExpressions":[{"key":"app","operator":"In","values":[]}]}""",
        """{"matchExpressions":[{"key":"tier","operator":"Exists","values":["ml"]}]}""",
        """{"matchLabels":{"app":1}}""").Select(node => (JsonNode?)node);

    private static JsonObject Merge(JsonObject a, JsonObject b)
    {
        var result = a.DeepClone().AsObject();
        foreach (var (name, value) in b)
            result[name] = value?.DeepClone();
        return result;
    }

    private static Gen<JsonObject> ContainerFields =>
        from env in Sometimes(40, Keyed(Pools.EnvNames, 30, EnvVar))
        from envFrom in Sometimes(20, Subset(Pools.EnvFrom, 40))
        from mounts in Sometimes(25, Keyed(Pools.MountPaths, 30, PodGenerator.Mount))
        from command in Gen.Frequency((8, ""), (1, """["run"]"""), (1, """["sleep","1"]"""))
        from args in Gen.Frequency((8, ""), (1, """["--verbose"]"""))
        from withResources in Chance(30)
        from resources in ResourcesGenerator.Resources(podDefault: true)
        select ObjectOf(new (string, JsonNode?)[]
        {
            ("env", env is null ? null : ArrayOf(env)),
            ("envFrom", envFrom is null ? null : ArrayOf(envFrom.Select(e => JsonNode.Parse(e)!))),
            ("volumeMounts", mounts is null ? null : ArrayOf(mounts)),
            ("command", command.Length == 0 ? null : JsonNode.Parse(command)),
            ("args", args.Length == 0 ? null : JsonNode.Parse(args)),
            ("resources", withResources ? resources : null),
        }.Where(member => member.Item2 is not null));

    /// <summary>The pod's env values, and one without the API server's defaults.</summary>
    private static Gen<JsonObject> EnvVar(string name) =>
        Gen.Frequency((5, PodGenerator.EnvVar(name)), (1, JsonOf(Pools.UndefaultedFieldRef).Select(value =>
        {
            var env = new JsonObject { ["name"] = name };
            foreach (var (member, v) in value.AsObject().ToArray())
                env[member] = v?.DeepClone();
            return env;
        })));

    private static Gen<JsonObject> PodFields =>
        from volumes in Sometimes(30, Keyed(Pools.VolumeNames[1..], 45, PodGenerator.Volume))
        from tolerations in Sometimes(25, Subset(Pools.PodDefaultTolerations, 40))
        from labels in Sometimes(25, SetLabels)
        from annotations in Sometimes(25, PodGenerator.Annotations)
        from account in Sometimes(15, Gen.OneOf("default", "runner", "trainer"))
        from automount in Gen.Int[0, 9]
        from init in Sometimes(12, Subset(Pools.InitContainers, 40))
        from sidecars in Sometimes(12, Subset(Pools.Sidecars, 40))
        from pullSecrets in Sometimes(12, Subset(Pools.ImagePullSecrets, 50))
        from securityContext in Sometimes(20, PodGenerator.Members(Pools.SecurityContext, 35))
        from nodeSelector in Sometimes(15, PodGenerator.Members(Pools.NodeSelector, 50))
        from affinity in Sometimes(12, PodGenerator.Members(Pools.Affinity, 50))
        select ObjectOf(new (string, JsonNode?)[]
        {
            ("volumes", volumes is null ? null : ArrayOf(volumes)),
            ("tolerations", tolerations is null ? null : ArrayOf(tolerations.Select(t => JsonNode.Parse(t)!))),
            ("labels", labels),
            ("annotations", annotations),
            ("serviceAccountName", account),
            ("automountServiceAccountToken", automount switch { 0 => false, 1 => true, _ => null }),
            ("initContainers", init is null ? null : ArrayOf(init.Select(c => JsonNode.Parse(c)!))),
            ("sidecars", sidecars is null ? null : ArrayOf(sidecars.Select(c => JsonNode.Parse(c)!))),
            ("imagePullSecrets", pullSecrets is null ? null : ArrayOf(pullSecrets.Select(s => JsonNode.Parse(s)!))),
            ("securityContext", securityContext),
            ("nodeSelector", nodeSelector),
            ("affinity", affinity),
        }.Where(member => member.Item2 is not null));

    /// <summary>
    /// Labels to set: keys of their own, and keys selectors test, so that one PodDefault's labels often select
    /// another (chained selection), falsify its NotIn or DoesNotExist, or differ from the pod's value.
    /// </summary>
    private static Gen<JsonObject> SetLabels =>
        from own in All(Pools.SetLabelKeys.Select(key => Sometimes(50, Gen.Frequency(Pools.LabelValues))))
        from selected in All(Pools.SelectorKeys.Select(key => Sometimes(30, Gen.Frequency(Pools.SelectorValueWeights))))
        select ObjectOf(Pools.SetLabelKeys.Zip(own).Concat(Pools.SelectorKeys.Zip(selected))
            .Where(pair => pair.Second is not null)
            .Select(pair => (pair.First, (JsonNode?)JsonValue.Create(pair.Second))));

    private static JsonObject Assemble(string ns, string name, int version, (JsonNode? Selector, bool Valid) selector,
        JsonObject containerFields, JsonObject podFields)
    {
        var spec = new JsonObject();
        if (selector.Selector is not null || selector.Valid)
            spec["selector"] = selector.Selector?.DeepClone();
        if (!selector.Valid)
            spec["desc"] = InvalidSelectorDesc;
        foreach (var (member, value) in containerFields.Concat(podFields).ToArray())
            spec[member] = value?.DeepClone();
        return new JsonObject
        {
            ["apiVersion"] = "kubeflow.org/v1alpha1",
            ["kind"] = "PodDefault",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["resourceVersion"] = version.ToString() },
            ["spec"] = spec,
        };
    }
}
