namespace PodDefaults.Core.Merge;

/// <summary>One reason a pod is rejected: two values for the same key (docs/semantics.md §6).</summary>
/// <param name="PodDefault">The PodDefault whose item could not be merged.</param>
/// <param name="Clause">What conflicts, in words; never a secret value (see <see cref="ValueDescription"/>).</param>
public sealed record Conflict(string PodDefault, string Clause)
{
    /// <summary>The same key holds another value: in the pod, or set by an earlier PodDefault.</summary>
    public static Conflict Differs(FieldContext at, string key, ReadOnlySpan<byte> source, string existing, string? existingFrom, string wanted, string wantedFrom)
    {
        var holder = existingFrom is null ? "the pod has" : $"poddefault {existingFrom} set";
        return new Conflict(wantedFrom, $"{at.Describe(key, source)}: {holder} {existing}, poddefault {wantedFrom} wants {wanted}");
    }

    public static Conflict RequestAboveLimit(FieldContext at, string resource, ReadOnlySpan<byte> source, string request, string limit, string from) =>
        new(from, $"{at.Describe(resource, source)}: request {request} would exceed limit {limit} after poddefault {from}");

    public override string ToString() => Clause;
}
