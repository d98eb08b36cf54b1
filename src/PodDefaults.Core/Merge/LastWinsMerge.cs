using PodDefaults.Core.Fields;
using PodDefaults.Core.Json;
using PodDefaults.Core.Model;

namespace PodDefaults.Core.Merge;

/// <summary>
/// A scalar of the pod (serviceAccountName, automountServiceAccountToken): the last PodDefault that sets it
/// wins, over the pod's own value; never a conflict.
/// </summary>
public sealed class LastWinsMerge(PodDefaultField field) : FieldMerge(field)
{
    /// <summary>The value the PodDefaults want, if any sets it.</summary>
    public JsonItem? Value { get; private set; }

    public override void Merge(PodDefault from, ReadOnlySpan<byte> source, List<Conflict> conflicts)
    {
        if (from.Spec[Field] is [var wanted])
            Value = wanted;
    }

    /// <summary>A value is wanted and the pod does not already hold it.</summary>
    public override bool Changes(ReadOnlySpan<byte> source) =>
        Value is { } wanted && !(Existing.Count > 0 && JsonSatisfies.Satisfies(Existing.Items[0].Value.In(source), wanted.Value));

    protected override void Clear() => Value = null;
}
