namespace PodDefaults.Core.Admission;

/// <summary>
/// The heap (or the stack) ran out while one review was decided, e.g. several huge reviews at once under a heap
/// limit. The review may be fine: the HTTP layer answers 503 with Retry-After, and the process keeps serving.
/// </summary>
public sealed class AdmissionCapacityException(Exception inner)
    : Exception($"the webhook ran out of {(inner is InsufficientExecutionStackException ? "stack" : "memory")} while deciding on this review: retry", inner);
