using PodDefaults.Core.Fields;
using PodDefaults.Core.Json;
using PodDefaults.Core.Json.Tables;

namespace PodDefaults.Core.Pods;

/// <summary>
/// The rows of <see cref="PodTables"/> that read the pod's value of each PodDefault field, made from
/// <see cref="PodDefaultFields"/>: one reader per <see cref="FieldKind"/>, read only when the field is needed.
/// </summary>
internal static class FieldMembers
{
    /// <summary>The members of <c>spec</c> (metadata and the containers list are read by the tables themselves).</summary>
    public static IEnumerable<Member<PodShape>> OfSpec() =>
        PodDefaultFields.OfPod.Where(field => field.Target == FieldTarget.Spec).Select(field => Of<PodShape>(field, pod => pod.Field(field)));

    /// <summary>The members of each container.</summary>
    public static IEnumerable<Member<ContainerShape>> OfContainer() =>
        PodDefaultFields.OfContainer.Select(field => field.Kind == FieldKind.Resources
            ? new ObjectMember<ContainerShape, ContainerShape>(field.PodMember, Resources, container => container,
                (container, present) => container.FieldRead(field).Present = present, (uint)field.Need)
            : Of<ContainerShape>(field, container => container.FieldRead(field)));

    private static Member<T> Of<T>(PodDefaultField field, Func<T, JsonEntries> entries)
    {
        var (name, need) = (field.PodMember, (uint)field.Need);
        return field.Kind switch
        {
            FieldKind.KeyedList => new ListMember<T>(name, entries, field.Key, need),
            FieldKind.UnkeyedList => new ListMember<T>(name, entries, null, need),
            FieldKind.StringMap or FieldKind.ObjectMembers => new MapMember<T>(name, entries, need),
            // Set only where the pod has none: whether it is there is all that counts.
            FieldKind.FirstWinsStringList => new PresenceMember<T>(name, (target, present) => entries(target).Present = present, need),
            FieldKind.LastWinsString or FieldKind.LastWinsBoolean => new ValueMember<T>(name, (target, value) => SetValue(entries(target), value), need),
            _ => throw new InvalidOperationException($"no pod reader for {field.Kind} ({field})"),
        };
    }

    /// <summary>A scalar's value, as the one entry of its field.</summary>
    private static void SetValue(JsonEntries entries, JsonRange value)
    {
        entries.Present = value.IsPresent;
        if (value.IsPresent)
            entries.Add(new JsonEntry(JsonString.None, value));
    }

    private static MemberTable<ContainerShape> Resources(string path) => new(path,
        new MapMember<ContainerShape>("limits", container => container.LimitsRead),
        new MapMember<ContainerShape>("requests", container => container.RequestsRead));
}
