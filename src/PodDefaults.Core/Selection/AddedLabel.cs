using PodDefaults.Core.Model;

namespace PodDefaults.Core.Selection;

/// <summary>A label that selection saw because a PodDefault being applied adds it (the pod did not have the key).</summary>
public readonly record struct AddedLabel(LabelPair Label, PodDefault AddedBy)
{
    public override string ToString() => $"{Label} added by {AddedBy.Name}";
}
