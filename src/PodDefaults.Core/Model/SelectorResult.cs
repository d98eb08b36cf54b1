namespace PodDefaults.Core.Model;

/// <summary>A PodDefault's selector after validation: usable, or the reason it is not.</summary>
public readonly record struct SelectorResult(LabelSelector? Selector, string? Error)
{
    public static SelectorResult Valid(LabelSelector selector) => new(selector, null);

    public static SelectorResult Invalid(string error) => new(null, error);

    public bool IsValid => Selector is not null;
}
