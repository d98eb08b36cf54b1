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
    [
        new ObjectListMember<PodShape, ContainerShape>("containers", Container, pod => pod.AddContainer(),
            (pod, container, item) => pod.ContainerItems.Add(new JsonEntry(container.Name, item)),
            (pod, present) => pod.HasContainers = pod.ContainerItems.Present = present, Need(SpecNeeds.Containers)),
        .. FieldMembers.OfSpec(),
    ]);

    private static MemberTable<ContainerShape> Container(string path) => new(path,
    [
        new StringMember<ContainerShape>("name", (container, name) => container.Name = name, Always),
        .. FieldMembers.OfContainer(),
    ]);

    private static uint Need(SpecNeeds needs) => (uint)needs;
}
