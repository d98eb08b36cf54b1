using PodDefaults.Core.Json.Tables;

namespace PodDefaults.Core.Pods;

/// <summary>
/// What the webhook reads of a pod, as tables: the object and its metadata at once, of the spec only the
/// members that <see cref="Json.JsonCursor.Needs"/> (the PodDefaults being applied) ask for, in the same pass when
/// they are known by then (<see cref="SpecMember"/>). Everything else is skipped.
/// </summary>
internal static class PodTables
{
    private const uint Always = 0;

    /// <summary><c>request.object</c>: metadata now; the spec now if what it needs is known by then, else its place for later.</summary>
    public static MemberTable<PodShape> Object(string path) => new(path,
        new ObjectMember<PodShape, PodShape>("metadata", Metadata, pod => pod, (pod, present) => pod.HasMetadata = present),
        new SpecMember("spec"));

    private static MemberTable<PodShape> Metadata(string path) => new(path,
        new StringMember<PodShape>("name", (pod, name) => pod.Name = name),
        new StringMember<PodShape>("generateName", (pod, name) => pod.GenerateName = name),
        new StringMember<PodShape>("namespace", (pod, name) => pod.Namespace = name),
        new MapMember<PodShape>("labels", pod => pod.Labels),
        new MapMember<PodShape>("annotations", pod => pod.Annotations));

    public static MemberTable<PodShape> Spec(string path) => new(path,
        new ObjectListMember<PodShape, ContainerShape>("containers", Container, pod => pod.AddContainer(),
            (pod, container, item) => pod.ContainerItems.Add(new JsonEntry(container.Name, item)),
            (pod, present) => pod.HasContainers = pod.ContainerItems.Present = present, Need(SpecNeeds.Containers)),
        new ListMember<PodShape>("initContainers", pod => pod.InitContainers, "name", Need(SpecNeeds.InitContainers)),
        new ListMember<PodShape>("volumes", pod => pod.Volumes, "name", Need(SpecNeeds.Volumes)),
        new ListMember<PodShape>("tolerations", pod => pod.Tolerations, null, Need(SpecNeeds.Tolerations)),
        new ListMember<PodShape>("imagePullSecrets", pod => pod.ImagePullSecrets, "name", Need(SpecNeeds.ImagePullSecrets)),
        new MapMember<PodShape>("nodeSelector", pod => pod.NodeSelector, Need(SpecNeeds.NodeSelector)),
        new MapMember<PodShape>("securityContext", pod => pod.SecurityContext, Need(SpecNeeds.SecurityContext)),
        new MapMember<PodShape>("affinity", pod => pod.Affinity, Need(SpecNeeds.Affinity)),
        new ValueMember<PodShape>("serviceAccountName", (pod, value) => pod.ServiceAccountName = value, Need(SpecNeeds.ServiceAccountName)),
        new ValueMember<PodShape>("automountServiceAccountToken", (pod, value) => pod.AutomountServiceAccountToken = value, Need(SpecNeeds.AutomountServiceAccountToken)));

    private static MemberTable<ContainerShape> Container(string path) => new(path,
        new StringMember<ContainerShape>("name", (container, name) => container.Name = name, Always),
        new ListMember<ContainerShape>("env", container => container.EnvRead, "name", Need(SpecNeeds.ContainerEnv)),
        new ListMember<ContainerShape>("envFrom", container => container.EnvFromRead, null, Need(SpecNeeds.ContainerEnvFrom)),
        new ListMember<ContainerShape>("volumeMounts", container => container.VolumeMountsRead, "mountPath", Need(SpecNeeds.ContainerVolumeMounts)),
        new PresenceMember<ContainerShape>("command", (container, present) => container.HasCommand = present, Need(SpecNeeds.ContainerCommand)),
        new PresenceMember<ContainerShape>("args", (container, present) => container.HasArgs = present, Need(SpecNeeds.ContainerArgs)),
        new ObjectMember<ContainerShape, ContainerShape>("resources", Resources, container => container,
            (container, present) => container.HasResources = present, Need(SpecNeeds.ContainerResources)));

    private static MemberTable<ContainerShape> Resources(string path) => new(path,
        new MapMember<ContainerShape>("limits", container => container.LimitsRead),
        new MapMember<ContainerShape>("requests", container => container.RequestsRead));

    private static uint Need(SpecNeeds needs) => (uint)needs;
}
