using static PodDefaults.Tests.Core.Properties.Generators;

namespace PodDefaults.Tests.Core.Properties;

/// <summary>
/// Realistic random pods, as the API server sends them after defaulting: 1-4 containers (and sometimes
/// istio-proxy), env, mounts, resources with requests within limits, pod-level lists and maps that are
/// sometimes missing entirely, and a LimitRanger annotation that names values the pod really has.
/// </summary>
internal static class PodGenerator
{
    public static readonly Gen<JsonObject> Pod =
        from containers in Containers
        from metadata in Metadata
        from spec in PodLevel
        from limitRanger in Chance(30).Array[16]
        select Assemble(containers, metadata, spec, limitRanger);

    private static Gen<JsonObject[]> Containers =>
        from names in Subset(Pools.ContainerNames, 50).Where(names => names.Length > 0)
        from istio in Gen.Int[0, 9]
        from containers in All(WithIstio(names, istio).Select(Container))
        select containers;

    // Istio's injector puts its proxy last, or first when the app must wait for it.
    private static string[] WithIstio(string[] names, int istio) => istio switch
    {
        0 => ["istio-proxy", .. names],
        1 => [.. names, "istio-proxy"],
        _ => names,
    };

    private static Gen<JsonObject> Container(string name) =>
        from image in name == "logger" ? Gen.OneOf("fluent", "fluent-bit:2") : Gen.Const("app:1")
        from env in Sometimes(70, Keyed(Pools.EnvNames, 30, EnvVar))
        from envFrom in Sometimes(25, Subset(Pools.EnvFrom, 40))
        from mounts in Sometimes(80, Keyed(Pools.MountPaths, 40, Mount))
        from command in Gen.Frequency((6, ""), (2, """["sleep","3600"]"""), (1, "[]"))
        from args in Gen.Frequency((6, ""), (2, """["--port","80"]"""), (1, "[]"))
        from resources in ResourcesGenerator.Resources(podDefault: false)
        select ContainerObject(name, image, env, envFrom, mounts, command, args, resources);

    public static Gen<JsonObject> EnvVar(string name) =>
        Gen.Frequency((6, 0), (1, 1), (1, 2), (1, 3), (1, 4)).Select(i => Named("name", name, JsonNode.Parse(Pools.EnvValues[i])!));

    public static Gen<JsonObject> Mount(string path) => JsonOf(Pools.Mounts[path]).Select(mount =>
    {
        var result = mount.DeepClone().AsObject();
        result["mountPath"] = path;
        return result;
    });

    public static Gen<JsonObject> Volume(string name) => JsonOf(Pools.Volumes[name]).Select(volume => Named("name", name, volume));

    private static Gen<PodMetadata> Metadata =>
        from labels in Sometimes(85, Labels)
        from annotations in Sometimes(60, Annotations)
        from markers in Sometimes(20, Markers)
        from naming in Gen.Int[0, 2]
        from namespaced in Chance(75)
        from optOut in Gen.Int[0, 39]
        select new PodMetadata(labels, annotations, naming, namespaced, optOut, markers);

    private static Gen<JsonObject> Labels =>
        from selected in All(Pools.SelectorKeys.Select(key => Sometimes(50, Gen.Frequency(Pools.SelectorValueWeights))))
        from set in All(Pools.SetLabelKeys.Select(key => Sometimes(35, Gen.Frequency(Pools.LabelValues))))
        select ObjectOf(
            Pools.SelectorKeys.Zip(selected).Concat(Pools.SetLabelKeys.Zip(set))
                .Where(pair => pair.Second is not null)
                .Select(pair => (pair.First, (JsonNode?)JsonValue.Create(pair.Second))));

    /// <summary>Marker annotations, as an earlier call (or a copied manifest) left them: this version is applied.</summary>
    private static Gen<JsonObject> Markers =>
        All(Pools.PodDefaultNames.Select(name => Sometimes(30, Gen.Int[1, Pools.Versions].Select(v => v.ToString()))))
            .Select(versions => ObjectOf(Pools.PodDefaultNames.Zip(versions)
                .Where(pair => pair.Second is not null)
                .Select(pair => (Pools.MarkerPrefix + pair.First, (JsonNode?)JsonValue.Create(pair.Second)))));

    public static Gen<JsonObject> Annotations =>
        All(Pools.AnnotationKeys.Select(key => Sometimes(40, Gen.Frequency(Pools.AnnotationValues))))
            .Select(values => ObjectOf(Pools.AnnotationKeys.Zip(values)
                .Where(pair => pair.Second is not null)
                .Select(pair => (pair.First, (JsonNode?)JsonValue.Create(pair.Second)))));

    private static Gen<JsonObject> PodLevel =>
        from volumes in Sometimes(75, Keyed(Pools.VolumeNames, 50, Volume))
        from tolerations in Sometimes(70, Subset(Pools.PodTolerations, 40))
        from pullSecrets in Sometimes(15, Subset(Pools.ImagePullSecrets, 50))
        from init in Sometimes(15, JsonOf(
            """[{"name":"init","image":"busybox","imagePullPolicy":"Always","terminationMessagePath":"/dev/termination-log"}]""",
            """[{"name":"setup","image":"busybox"}]"""))
        from securityContext in Sometimes(70, Members(Pools.SecurityContext, 30))
        from nodeSelector in Sometimes(25, Members(Pools.NodeSelector, 50))
        from affinity in Sometimes(20, Members(Pools.Affinity, 50))
        from account in Sometimes(60, Gen.OneOf("default", "runner"))
        from automount in Gen.Int[0, 5]
        select ObjectOf(new (string, JsonNode?)[]
        {
            ("volumes", volumes is null ? null : ArrayOf(volumes)),
            ("tolerations", tolerations is null ? null : ArrayOf(tolerations.Select(t => JsonNode.Parse(t)!))),
            ("imagePullSecrets", pullSecrets is null ? null : ArrayOf(pullSecrets.Select(s => JsonNode.Parse(s)!))),
            ("initContainers", init),
            ("securityContext", securityContext),
            ("nodeSelector", nodeSelector),
            ("affinity", affinity),
            ("serviceAccountName", account),
            ("serviceAccount", account), // the API server keeps the deprecated alias in step
            ("automountServiceAccountToken", automount switch { 0 => false, 1 => true, _ => null }),
        }.Where(member => member.Item2 is not null));

    /// <summary>For each key of the pool, with the given chance, one of its values (JSON text).</summary>
    public static Gen<JsonObject> Members(Dictionary<string, string[]> pool, int percent) =>
        All(pool.Select(entry => Sometimes(percent, JsonOf(entry.Value))))
            .Select(values => ObjectOf(pool.Keys.Zip(values).Where(pair => pair.Second is not null).Select(pair => (pair.First, pair.Second))));

    private static JsonObject Named(string keyMember, string key, JsonNode members)
    {
        var result = new JsonObject { [keyMember] = key };
        foreach (var (name, value) in members.AsObject().ToArray())
            result[name] = value?.DeepClone();
        return result;
    }

    private static JsonObject ContainerObject(string name, string image, JsonObject[]? env, string[]? envFrom, JsonObject[]? mounts,
        string command, string args, JsonObject? resources)
    {
        var container = new JsonObject { ["name"] = name, ["image"] = image };
        if (command.Length > 0)
            container["command"] = JsonNode.Parse(command);
        if (args.Length > 0)
            container["args"] = JsonNode.Parse(args);
        if (env is not null)
            container["env"] = ArrayOf(env);
        if (envFrom is not null)
            container["envFrom"] = ArrayOf(envFrom.Select(e => JsonNode.Parse(e)!));
        if (resources is not null)
            container["resources"] = resources;
        if (mounts is not null)
            container["volumeMounts"] = ArrayOf(mounts);
        container["terminationMessagePath"] = "/dev/termination-log";
        container["terminationMessagePolicy"] = "File";
        container["imagePullPolicy"] = "IfNotPresent";
        return container;
    }

    private static JsonObject Assemble(JsonObject[] containers, PodMetadata meta, JsonObject podLevel, bool[] limitRanger)
    {
        var metadata = new JsonObject();
        if (meta.Naming != 1)
            metadata["name"] = "pod-1";
        if (meta.Naming != 0)
            metadata["generateName"] = "pod-";
        if (meta.Namespaced)
            metadata["namespace"] = Pools.Namespace;
        if (meta.Labels is not null)
            metadata["labels"] = meta.Labels;
        var annotations = meta.Annotations;
        if (meta.Markers is not null)
        {
            annotations ??= new JsonObject();
            foreach (var (key, value) in meta.Markers.ToArray())
                annotations[key] = value?.DeepClone();
        }
        var limitRangerText = ResourcesGenerator.LimitRangerText(containers, podLevel, limitRanger);
        if (limitRangerText is not null || meta.OptOut < 3)
            annotations ??= new JsonObject();
        if (limitRangerText is not null)
            annotations!["kubernetes.io/limit-ranger"] = limitRangerText;
        switch (meta.OptOut)
        {
            case 0:
                annotations!["poddefault.admission.kubeflow.org/exclude"] = "true";
                break;
            case 1:
                annotations!["poddefault.admission.kubeflow.org/exclude"] = "false"; // not an opt-out
                break;
            case 2:
                annotations!["kubernetes.io/config.mirror"] = "0123abcd";
                break;
        }
        if (annotations is not null)
            metadata["annotations"] = annotations;

        var spec = new JsonObject { ["containers"] = ArrayOf(containers) };
        foreach (var (name, value) in podLevel.ToArray())
            spec[name] = value?.DeepClone();
        spec["restartPolicy"] = "Always";
        spec["dnsPolicy"] = "ClusterFirst";
        spec["schedulerName"] = "default-scheduler";
        spec["priority"] = 0;
        return new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Pod", ["metadata"] = metadata, ["spec"] = spec, ["status"] = new JsonObject() };
    }

    private sealed record PodMetadata(JsonObject? Labels, JsonObject? Annotations, int Naming, bool Namespaced, int OptOut, JsonObject? Markers);
}
