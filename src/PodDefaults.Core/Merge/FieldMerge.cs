using PodDefaults.Core.Fields;
using PodDefaults.Core.Json;
using PodDefaults.Core.Model;
using PodDefaults.Core.Pods;

namespace PodDefaults.Core.Merge;

/// <summary>
/// One field of the pod (or of one container) as the PodDefaults applied so far left it: the merge of one
/// <see cref="FieldKind"/>, made for a row of <see cref="PodDefaultFields"/>.
/// </summary>
public abstract class FieldMerge(PodDefaultField field)
{
    public PodDefaultField Field { get; } = field;

    /// <summary>The pod's (or the container's) own value.</summary>
    public JsonEntries Existing { get; private set; } = JsonEntries.Empty;

    public FieldContext At { get; private set; }

    /// <summary>The merge of a field's kind.</summary>
    public static FieldMerge For(PodDefaultField field) => field.Kind switch
    {
        FieldKind.KeyedList or FieldKind.UnkeyedList => new ListMerge(field),
        FieldKind.StringMap or FieldKind.ObjectMembers => new MapMerge(field),
        FieldKind.FirstWinsStringList => new FirstWinsMerge(field),
        FieldKind.LastWinsString or FieldKind.LastWinsBoolean => new LastWinsMerge(field),
        FieldKind.Resources => new ResourcesMerge(field),
        _ => throw new InvalidOperationException($"no merge for {field.Kind} ({field})"),
    };

    /// <param name="existing">The pod's or the container's own value of the field.</param>
    /// <param name="container">The container's name; none for a field of the pod.</param>
    /// <param name="shape">The container; <see cref="ContainerShape.Empty"/> for a field of the pod.</param>
    /// <param name="limitRanger">What the LimitRanger defaulted, if the pod says.</param>
    public virtual void Reset(JsonEntries existing, JsonString container, ContainerShape shape, LimitRangerAnnotation? limitRanger)
    {
        Existing = existing;
        At = new FieldContext(Field.PodMember, Field.Shown, container);
        Clear();
    }

    /// <summary>Merges what <paramref name="from"/> sets of the field.</summary>
    public abstract void Merge(PodDefault from, ReadOnlySpan<byte> source, List<Conflict> conflicts);

    /// <summary>Checks that hold after every PodDefault is merged.</summary>
    public virtual void Finish(ReadOnlySpan<byte> source, List<Conflict> conflicts)
    {
    }

    /// <summary>Whether the merge changes the pod's value (the patch writes something for the field).</summary>
    public abstract bool Changes(ReadOnlySpan<byte> source);

    /// <summary>Forgets the last pod's merge.</summary>
    protected abstract void Clear();
}
