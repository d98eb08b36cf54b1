using PodDefaults.Core.Fields;
using PodDefaults.Core.Model;

namespace PodDefaults.Core.Merge;

/// <summary>
/// A value set on a container only when it has none (command, args): the first PodDefault that sets it wins.
/// Absent counts as none; an empty list does not.
/// </summary>
public sealed class FirstWinsMerge(PodDefaultField field) : FieldMerge(field)
{
    /// <summary>The value to write, if any.</summary>
    public JsonItem? Value { get; private set; }

    public override void Merge(PodDefault from, ReadOnlySpan<byte> source, List<Conflict> conflicts)
    {
        if (Value is null && !Existing.Present && from.Spec[Field] is [var wanted])
            Value = wanted;
    }

    public override bool Changes(ReadOnlySpan<byte> source) => Value is not null;

    protected override void Clear() => Value = null;
}
