using PodDefaults.Core.Admission;

namespace PodDefaults.Webhook.Telemetry;

/// <summary>The <c>poddefaults.outcome</c> values, as constant strings so that recording one allocates nothing.</summary>
public static class OutcomeNames
{
    public const string Patched = "patched";
    public const string Unchanged = "unchanged";
    public const string Conflict = "conflict";
    public const string Skipped = "skipped";

    /// <summary>No decision: the request was refused before the engine (405, 413, 415, 400) or failed.</summary>
    public const string Error = "error";

    public static string Of(AdmissionOutcome? outcome) => outcome switch
    {
        AdmissionOutcome.Patched => Patched,
        AdmissionOutcome.Unchanged => Unchanged,
        AdmissionOutcome.Conflict => Conflict,
        AdmissionOutcome.Skipped => Skipped,
        _ => Error,
    };
}
