namespace PodDefaults.Core.Model;

/// <summary>The operators of a LabelSelector requirement.</summary>
public enum SelectorOperator
{
    In,
    NotIn,
    Exists,
    DoesNotExist,
}
