namespace PodDefaults.Core.Pods;

/// <summary>
/// Decides, when the reader reaches a pod's spec after its metadata, what of the spec the decision needs, so
/// that the spec is read once, in the first pass (the API server writes metadata first).
/// </summary>
internal interface ISpecPlanner
{
    /// <summary>
    /// What to read of the spec ahead (<see cref="SpecNeeds.None"/>: skip it); <c>null</c> when the decision
    /// cannot be made yet (a part of the request it depends on may still follow): the spec's place is kept.
    /// </summary>
    SpecNeeds? Plan(ReadOnlySpan<byte> body);
}
