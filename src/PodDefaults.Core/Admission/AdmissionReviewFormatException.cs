namespace PodDefaults.Core.Admission;

/// <summary>The body is not an AdmissionReview the webhook can answer: the HTTP layer turns this into a 400.</summary>
public sealed class AdmissionReviewFormatException(string reason, Exception? inner = null) : FormatException(reason, inner);
